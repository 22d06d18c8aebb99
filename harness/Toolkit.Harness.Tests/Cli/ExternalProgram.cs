using System.Diagnostics;

namespace Toolkit.Harness.Tests.Cli;

/// <summary>Runs a program other than the toolkit (git, for the tests that make repositories) and fails the test, with its stderr, when it fails.</summary>
internal static class ExternalProgram
{
    /// <summary>Runs <paramref name="program"/> in <paramref name="directory"/>; returns its stdout.</summary>
    public static string Run(string directory, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)}: {error.Result}");
        return output;
    }
}
