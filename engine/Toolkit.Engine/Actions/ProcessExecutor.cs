using System.Diagnostics;
using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Actions;

/// <summary>
/// Runs each action's command line with <c>/bin/sh -c</c> in the project root (cc, ar, anything the
/// manifest's variables name). Used with <c>--real-tools</c>. Creates target directories first and
/// reports the tool's standard error when it fails. A command line too long to be one argument of
/// <c>sh -c</c> runs from a script file instead (<see cref="LongCommandScript"/>). When the build is interrupted
/// (<paramref name="cancellation"/>), running commands are ended with their whole process tree and
/// their actions fail as interrupted, so that no compiler outlives the build.
/// </summary>
public sealed class ProcessExecutor(string rootDirectory, CancellationToken cancellation = default) : IActionExecutor
{
    private readonly string _root = rootDirectory;
    private readonly OutputDirectories _outputDirectories = new(rootDirectory);

    /// <inheritdoc />
    public string Name => "process";

    /// <summary>True when a shell exists to run commands with.</summary>
    public static bool IsAvailable => File.Exists("/bin/sh");

    /// <inheritdoc />
    public ActionOutcome Execute(ActionRequest request)
    {
        if (cancellation.IsCancellationRequested)
        {
            return ActionOutcome.Failure("interrupted before it started");
        }

        foreach (var target in request.Targets)
        {
            _outputDirectories.Ensure(Path.GetDirectoryName(Path.Join(_root, target)) ?? string.Empty);
        }

        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = _root,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var script = LongCommandScript.For(request.CommandLine);
        if (script is null)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(request.CommandLine);
        }
        else
        {
            start.ArgumentList.Add(script.Path);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start /bin/sh");
        using (cancellation.Register(() => Stop(process)))
        {
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (cancellation.IsCancellationRequested || (DiedOfInterrupt(process.ExitCode) && cancellation.WaitHandle.WaitOne(SignalDeliveryGrace)))
            {
                return ActionOutcome.Failure($"'{Shown(request.CommandLine)}' was stopped: the build was interrupted");
            }

            return Outcome(request, process.ExitCode, error.Result);
        }
    }

    /// <summary>
    /// How long a command that died of SIGINT or SIGTERM waits for the build's own interruption to be
    /// seen. Ctrl-C in a terminal signals the whole foreground process group: the command can die and
    /// its shell report it before the runtime has delivered the same signal to the engine, and without
    /// this wait the build would end as an ordinary failure (exit 2) instead of an interrupted build.
    /// Only such deaths wait; a half second is far above the delivery delay and unnoticeable at Ctrl-C.
    /// </summary>
    private static readonly TimeSpan SignalDeliveryGrace = TimeSpan.FromMilliseconds(500);

    /// <summary>True for the shell's exit code of a command ended by SIGINT (130) or SIGTERM (143).</summary>
    private static bool DiedOfInterrupt(int exitCode) => exitCode is 130 or 143;

    private static void Stop(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // it has already exited
        }
    }

    /// <summary>
    /// The most of a command line a failure message quotes. A link line of a big project runs to hundreds of
    /// kilobytes; a message quoting all of it is not one line anyone reads. The start names the tool and the
    /// target; the length says how much was left out.
    /// </summary>
    private const int ShownCommandCharacters = 400;

    private static string Shown(string commandLine) =>
        commandLine.Length <= ShownCommandCharacters
            ? commandLine
            : $"{commandLine[..ShownCommandCharacters]}... ({commandLine.Length:N0} characters in all)";

    private static ActionOutcome Outcome(ActionRequest request, int exitCode, string standardError)
    {
        if (exitCode != 0)
        {
            var message = standardError.Trim();
            return ActionOutcome.Failure($"'{Shown(request.CommandLine)}' exited with code {exitCode}{(message.Length > 0 ? ": " + message : string.Empty)}");
        }

        foreach (var target in request.Targets)
        {
            if (!request.FileSystem.Stat(target).Exists)
            {
                return ActionOutcome.Failure($"'{Shown(request.CommandLine)}' succeeded but did not write '{target}'");
            }
        }

        return ActionOutcome.Success;
    }
}
