using System.Diagnostics;
using System.Globalization;
using Toolkit.Harness.Results;

namespace Toolkit.Harness.Measuring;

/// <summary>
/// Runs a peer's dry run under GNU time (<c>/usr/bin/time -f "%M"</c>) to read its whole-process
/// peak RSS, timing the wall clock itself: the only figures that exist for a tool written in another language.
/// A tool not on PATH, or no GNU time, is skipped with the reason, never failed.
/// </summary>
public static class PeerMeasurer
{
    /// <summary>GNU time, which reports the child's peak RSS (%M, KiB).</summary>
    public const string GnuTime = "/usr/bin/time";

    /// <summary>Why a peer cannot be measured here, or null when it can.</summary>
    public static string? WhySkipped(PeerTool tool)
    {
        if (FindOnPath(tool.Executable) is null)
        {
            return $"{tool.Executable} is not on PATH";
        }

        return File.Exists(GnuTime) ? null : $"GNU time ({GnuTime}) is not installed, so peak RSS cannot be read";
    }

    /// <summary>Measures one dry run of <paramref name="tool"/> in <paramref name="projectDirectory"/>.</summary>
    public static PeerRun Run(PeerTool tool, string projectDirectory, CancellationToken cancellation)
    {
        var report = Path.Join(Path.GetTempPath(), $"toolkit-peer-{System.Environment.ProcessId}-{Guid.NewGuid():N}.txt");
        var start = new ProcessStartInfo(GnuTime)
        {
            WorkingDirectory = projectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-f", "%M", "-o", report, tool.Executable, .. tool.Arguments])
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {GnuTime}");
            using var registration = cancellation.Register(() => process.Kill(entireProcessTree: true));
            var error = process.StandardError.ReadToEndAsync(cancellation);
            process.StandardOutput.BaseStream.CopyTo(Stream.Null);
            process.WaitForExit();
            var wall = clock.Elapsed.TotalSeconds;
            cancellation.ThrowIfCancellationRequested();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"'{tool.CommandLine}' in {projectDirectory} exited with code {process.ExitCode}: {error.Result.Trim()}");
            }

            // GNU time's own wall clock (%e) has 10 ms steps; ours is finer and includes only its tiny start-up.
            var fields = File.ReadAllText(report).Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return new PeerRun(long.Parse(fields[^1], CultureInfo.InvariantCulture) * 1024, wall);
        }
        finally
        {
            File.Delete(report);
        }
    }

    /// <summary>The full path of an executable on PATH, or null.</summary>
    public static string? FindOnPath(string executable)
    {
        foreach (var directory in (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Join(directory, executable);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
