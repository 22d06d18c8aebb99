using System.Diagnostics;
using Toolkit.Harness.Measuring;

namespace Toolkit.Harness.Tests.Cli;

/// <summary>Runs the real <c>toolkit</c> program as a child process, as a user would, and captures its output.</summary>
internal static class ToolkitProcess
{
    public static (int ExitCode, string Output, string Error) Run(string workingDirectory, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(workingDirectory, arguments))!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    /// <summary>The program and the arguments that start the toolkit (e.g. "dotnet", ".../toolkit.dll").</summary>
    public static string[] Command()
    {
        var parts = FootprintChildRunner.ForThisToolkit().CommandLine.Split(' ', 2);
        return parts;
    }

    /// <summary>How to start the toolkit with <paramref name="arguments"/>, output redirected, plain (CI) output.</summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] arguments)
    {
        var parts = Command();
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
        return start;
    }
}
