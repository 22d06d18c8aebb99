using System.Diagnostics;

namespace Toolkit.SyntheticProjects.Tests.Peers;

/// <summary>Finds a tool on PATH and runs it; tests skip (with a message) when the tool is absent.</summary>
public static class ExternalTool
{
    /// <summary>Longest a tool may run before the test fails instead of hanging.</summary>
    private const int TimeoutMilliseconds = 120_000;

    public static string? Find(string name)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static (int ExitCode, string Output) Run(string tool, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeoutMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{tool} {string.Join(' ', arguments)} did not finish in {TimeoutMilliseconds / 1000} s");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
