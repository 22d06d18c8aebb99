using System.Diagnostics;
using Toolkit.Harness.Measuring;

namespace Toolkit.Harness.Tests.Cli;

/// <summary>Runs the real <c>toolkit</c> program as a child process, as a user would, and captures its output.</summary>
internal static class ToolkitProcess
{
    public static (int ExitCode, string Output, string Error) Run(string workingDirectory, params string[] arguments)
    {
        var runner = FootprintChildRunner.ForThisToolkit();
        var parts = runner.CommandLine.Split(' ', 2);
        var start = new ProcessStartInfo(parts[0])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (parts.Length > 1)
        {
            start.ArgumentList.Add(parts[1]);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CI"] = "true"; // plain output, no progress display
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
