using System.Diagnostics;
using System.Globalization;
using System.Text;
using Toolkit.Harness.Tests.Benchmarks;

namespace Toolkit.Harness.Tests.Cli;

/// <summary>
/// issue 10, item 7, with real signals sent to a child <c>toolkit build</c>: SIGINT and SIGTERM,
/// without a terminal (kill) and in one (Ctrl-C typed into a pseudo-terminal made by script(1)),
/// stop the build: nothing new starts, the running command is ended, the database keeps what
/// finished, no temporary file is left, and the exit code is 128 + the signal. Linux only; the
/// terminal case needs script(1). No timing threshold: the test waits for conditions.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class InterruptTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    /// <summary>Bounds every wait so a broken build fails the test instead of hanging the suite.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly string _temp = Directory.CreateTempSubdirectory("toolkit-interrupt-").FullName;
    private readonly string _sleep = string.Create(CultureInfo.InvariantCulture, $"{300 + Random.Shared.Next(1, 999)}.{Random.Shared.Next(100, 999)}");

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task A_signal_without_a_terminal_stops_the_build_cleanly(string signal, int exitCode)
    {
        if (!OperatingSystem.IsLinux() || InterruptIgnoredFromOurParent(signal))
        {
            return;
        }

        var project = Project();
        using var build = Process.Start(ToolkitProcess.StartInfo(_temp, "build", project, "-j", "1"))!;
        var error = build.StandardError.ReadToEndAsync();
        var output = build.StandardOutput.ReadToEndAsync();
        WaitForTheSlowCommand(project);

        Send(build.Id, signal);

        Assert.True(build.WaitForExit(Patience), "the build did not stop after the signal");
        var errorText = await error;
        var outputText = await output;
        Assert.True(exitCode == build.ExitCode, $"exit code {build.ExitCode}\n{outputText}\n{errorText}");
        Assert.Contains($"interrupted by SIG{signal}", errorText, StringComparison.Ordinal);
        Stopped(project);
    }

    /// <summary>
    /// scale measures each tool as a child under GNU time: a signal ends the child, deletes the rusage file and the
    /// empty results folder, and exits 130 (System.CommandLine's own handling ended the process at once and left
    /// the measured process running and the file behind).
    /// </summary>
    [Fact]
    public async Task A_signal_stops_scale_and_ends_the_process_it_measures()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/time"))
        {
            return; // scale measures processes through GNU time
        }

        var project = Project();
        var engine = Path.Join(_temp, "engine.sh");
        File.WriteAllText(engine, $"#!/bin/sh\nexec sleep {_sleep}\n");
        File.SetUnixFileMode(engine, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var temporary = Directory.CreateDirectory(Path.Join(_temp, "tmp")).FullName;
        var results = Path.Join(_temp, "results");
        var start = ToolkitProcess.StartInfo(_temp, "scale", "--project", project, "--engine", engine, "--variants", "baseline", "--no-peers", "--repeat", "1", "--warmup", "0", "--out", results, "--projects", Path.Join(_temp, "projects"));
        start.Environment["TMPDIR"] = temporary;
        using var scale = Process.Start(start)!;
        var error = scale.StandardError.ReadToEndAsync();
        var output = scale.StandardOutput.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (SleepsRunning().Count == 0)
        {
            Assert.True(clock.Elapsed < Patience && !scale.HasExited, $"the measured engine never started\n{await Finished(scale, output, error)}");
            Thread.Sleep(50);
        }

        Send(scale.Id, "INT");

        Assert.True(scale.WaitForExit(Patience), "scale did not stop after the signal");
        var text = await Finished(scale, output, error);
        Assert.True(scale.ExitCode == 130, $"exit code {scale.ExitCode}\n{text}");
        Assert.Contains("interrupted by SIGINT", text, StringComparison.Ordinal);
        Assert.Empty(SleepsRunning());
        var left = Directory.EnumerateFileSystemEntries(temporary, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.DoesNotContain(left, name => name!.StartsWith("toolkit-rusage-", StringComparison.Ordinal) || name.Contains(".tmp-", StringComparison.Ordinal)); // the stand-ins' folder is a cache, kept
        Assert.False(Directory.Exists(results), "the results folder of a run that wrote nothing is left");
    }

    [Fact]
    public async Task Ctrl_C_in_a_terminal_stops_the_build_cleanly()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/script") || InterruptIgnoredFromOurParent("INT"))
        {
            return; // needs script(1) to make a pseudo-terminal
        }

        var project = Project();
        var command = string.Join(' ', ToolkitProcess.Command().Concat(["build", project, "-j", "1"]).Select(Quote));
        var start = new ProcessStartInfo("/usr/bin/script", ["-qefc", command, "/dev/null"])
        {
            WorkingDirectory = _temp,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["CI"] = "true";
        using var terminal = Process.Start(start)!;
        var output = terminal.StandardOutput.ReadToEndAsync();
        WaitForTheSlowCommand(project);

        terminal.StandardInput.Write('\u0003'); // Ctrl-C: the terminal sends SIGINT to the build and its command
        terminal.StandardInput.Flush();

        Assert.True(terminal.WaitForExit(Patience), "the build did not stop after Ctrl-C");
        var text = await output;
        Assert.True(terminal.ExitCode == 130, $"exit code {terminal.ExitCode}\n{text}");
        Assert.Contains("interrupted by SIGINT", text, StringComparison.Ordinal);
        Stopped(project);
    }

    public void Dispose()
    {
        KillLeftovers();
        Directory.Delete(_temp, recursive: true);
    }

    private static async Task<string> Finished(Process process, Task<string> output, Task<string> error)
    {
        if (!process.HasExited)
        {
            return "(still running)";
        }

        return await output + "\n" + await error;
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// True (and a message) when this test process was started with SIGINT ignored, as a shell without job control
    /// starts every background job (<c>cmd &amp;</c> in a script, nohup): the ignored disposition passes to the build
    /// it starts, which keeps it, as make and ninja do (a background job is not for Ctrl-C), so the signal cannot stop it.
    /// </summary>
    private bool InterruptIgnoredFromOurParent(string signal)
    {
        const int SigInt = 2;
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        if (signal != "INT" || line is null || (ulong.Parse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & (1UL << (SigInt - 1))) == 0)
        {
            return false;
        }

        output.WriteLine("skipped: this test process was started with SIGINT ignored (a background job of a shell without job control), and the build it starts inherits that");
        return true;
    }

    private static void Send(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private string Project()
    {
        var project = Directory.CreateDirectory(Path.Join(_temp, "p")).FullName;
        File.WriteAllText(Path.Join(project, "in.txt"), "in");
        File.WriteAllText(Path.Join(project, "toolkit.manifest"), $"""
            toolkit-manifest 2
            TOOLKIT_TOOLS = real
            build fast.txt: Command in.txt
              COMMAND = cp $SOURCE $TARGET
            build slow.txt: Command fast.txt
              COMMAND = sleep {_sleep} && cp $SOURCE $TARGET
            end

            """);
        return project;
    }

    private void WaitForTheSlowCommand(string project)
    {
        var clock = Stopwatch.StartNew();
        while (!(File.Exists(Path.Join(project, "fast.txt")) && SleepsRunning().Count > 0))
        {
            Assert.True(clock.Elapsed < Patience, "the slow command never started");
            Thread.Sleep(50);
        }
    }

    private void Stopped(string project)
    {
        Assert.Empty(SleepsRunning());
        Assert.True(File.Exists(Path.Join(project, ".toolkit.sigdb")), "the database was not saved");
        Assert.False(File.Exists(Path.Join(project, "slow.txt")));
        Assert.DoesNotContain(Directory.EnumerateFiles(project, "*", SearchOption.AllDirectories), f => f.Contains(".toolkit-tmp.", StringComparison.Ordinal));

        var (code, output, _) = ToolkitProcess.Run(_temp, "build", project, "-n");
        Assert.Equal(0, code);
        Assert.Contains("would run 1 actions", output, StringComparison.Ordinal); // fast.txt was saved; slow.txt runs again
        Assert.DoesNotContain("cp in.txt fast.txt", output, StringComparison.Ordinal);
    }

    /// <summary>The processes whose command line holds this test's unique sleep duration.</summary>
    private List<int> SleepsRunning()
    {
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var commandLine = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Join(directory, "cmdline"))).Replace('\0', ' ');
                if (commandLine.Contains("sleep " + _sleep, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // the process ended while we looked
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }

    private void KillLeftovers()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        foreach (var pid in SleepsRunning())
        {
            Send(pid, "KILL");
        }
    }
}
