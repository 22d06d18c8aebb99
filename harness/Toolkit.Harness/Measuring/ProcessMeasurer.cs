using System.Diagnostics;
using System.Globalization;

namespace Toolkit.Harness.Measuring;

/// <summary>
/// Runs one program as a whole process and measures it from outside, the same way for the engine and
/// for every peer: GNU time (<c>/usr/bin/time -f "%M %U %S"</c>) reads the kernel's rusage of the
/// process (peak resident set, the maximum over it and the children it waited for, and CPU times),
/// and the wall time is this harness's own clock around the process (GNU time's %e has 10 ms steps).
/// Output is drained; the end of stdout is kept for <see cref="ProcessMeasurement.OutputTail"/> and the end of stderr for the message when the program fails,
/// which is a <see cref="MeasurementException"/> naming the command and the directory.
/// </summary>
public static class ProcessMeasurer
{
    /// <summary>GNU time, which reports the child's rusage.</summary>
    public const string GnuTime = "/usr/bin/time";

    /// <summary>Characters of a failed program's stderr kept for the message.</summary>
    private const int StderrTailChars = 2000;

    /// <summary>Characters of stdout kept: enough for a peer's last lines ("ninja: no work to do.").</summary>
    public const int OutputTailChars = 2000;

    /// <summary>Why processes cannot be measured here (no GNU time), or null.</summary>
    public static string? WhyNotMeasurable() =>
        File.Exists(GnuTime) ? null : $"GNU time ({GnuTime}) is not installed, so peak RSS cannot be read";

    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>, with <paramref name="pathPrefix"/> (if any) first on PATH.</summary>
    public static ProcessMeasurement Run(string fileName, IReadOnlyList<string> arguments, string workingDirectory, string? pathPrefix, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var report = Path.Join(Path.GetTempPath(), $"toolkit-rusage-{Environment.ProcessId}-{Guid.NewGuid():N}.txt");
        var start = new ProcessStartInfo(GnuTime)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-f", "%M %U %S", "-o", report, fileName, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        if (pathPrefix is not null)
        {
            start.Environment["PATH"] = pathPrefix + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        }

        var described = string.Join(' ', arguments.Prepend(fileName));
        try
        {
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {GnuTime}");
            using var registration = cancellation.Register(() => Kill(process));
            var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            var output = Tail(process.StandardOutput, OutputTailChars);
            process.WaitForExit();
            var wall = clock.Elapsed.TotalSeconds;
            cancellation.ThrowIfCancellationRequested();
            if (process.ExitCode != 0)
            {
                var tail = error.Result.Trim();
                tail = tail.Length <= StderrTailChars ? tail : "..." + tail[^StderrTailChars..];
                throw new MeasurementException($"'{described}' in {workingDirectory} exited with code {process.ExitCode}: {tail.ReplaceLineEndings(" | ")}");
            }

            var fields = File.ReadAllText(report).Trim().Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            var c = CultureInfo.InvariantCulture;
            return new ProcessMeasurement(long.Parse(fields[^3], c) * 1024, wall, double.Parse(fields[^2], c), double.Parse(fields[^1], c), output);
        }
        finally
        {
            File.Delete(report);
        }
    }

    /// <summary>The full path of an executable on PATH, or null.</summary>
    public static string? FindOnPath(string executable)
    {
        ArgumentNullException.ThrowIfNull(executable);
        if (executable.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(executable) ? Path.GetFullPath(executable) : null;
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Join(directory, executable);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Reads <paramref name="reader"/> to its end, keeping its last <paramref name="chars"/> characters.</summary>
    private static string Tail(StreamReader reader, int chars)
    {
        var buffer = new char[8192];
        var tail = new System.Text.StringBuilder();
        int read;
        while ((read = reader.Read(buffer)) > 0)
        {
            tail.Append(buffer, 0, read);
            if (tail.Length > 2 * chars)
            {
                tail.Remove(0, tail.Length - chars);
            }
        }

        return tail.Length <= chars ? tail.ToString() : tail.ToString(tail.Length - chars, chars);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
    }
}
