using System.Diagnostics;

namespace Toolkit.Introspection.Tests;

/// <summary>Runs a program (dotnet, chromium) as a user would, with a time limit, and returns its exit code and output (stdout, then stderr).</summary>
internal static class ChildProcess
{
    /// <summary>Generous: a restore and build on a loaded 2-core machine.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    public static (int ExitCode, string Output) Run(string program, string workingDirectory, params string[] arguments) =>
        RunWith(program, workingDirectory, new Dictionary<string, string>(), arguments);

    /// <summary>As <see cref="Run"/>, with <paramref name="environment"/> added to the inherited environment.</summary>
    public static (int ExitCode, string Output) RunWith(string program, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{program} {string.Join(' ', arguments)}: no exit in {Limit.TotalMinutes} minutes\n{output.Result}{error.Result}");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    /// <summary>The repository root (found from this source file's place, as the tests are built from the tree).</summary>
    public static string RepositoryRoot() => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", ".."));

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string here = "") => here;
}
