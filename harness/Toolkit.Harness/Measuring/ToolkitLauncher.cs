namespace Toolkit.Harness.Measuring;

/// <summary>
/// How to start this same toolkit again: its apphost when that is what runs, else
/// <c>dotnet toolkit.dll</c> (under <c>dotnet run</c>, <c>dotnet test</c> or <c>dotnet toolkit.dll</c>).
/// </summary>
/// <param name="FileName">The program to start.</param>
/// <param name="LeadingArguments">Arguments before the verb (the assembly, for <c>dotnet</c>).</param>
public sealed record ToolkitLauncher(string FileName, IReadOnlyList<string> LeadingArguments)
{
    /// <summary>The launcher of the toolkit running now.</summary>
    public static ToolkitLauncher ThisToolkit()
    {
        var assembly = typeof(ToolkitLauncher).Assembly.Location;
        var process = Environment.ProcessPath;
        var apphost = Path.ChangeExtension(assembly, OperatingSystem.IsWindows() ? ".exe" : null);
        if (process is not null && string.Equals(Path.GetFullPath(process), Path.GetFullPath(apphost), StringComparison.Ordinal))
        {
            return new ToolkitLauncher(process, []);
        }

        var host = process is not null && Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? process
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } fromCli ? fromCli : "dotnet";
        return new ToolkitLauncher(host, [assembly]);
    }

    /// <summary>The toolkit built in <paramref name="outputDirectory"/> (its <c>toolkit.dll</c>, run by <c>dotnet</c>).</summary>
    public static ToolkitLauncher Built(string outputDirectory)
    {
        var host = ThisToolkit().FileName is var current && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
        return new ToolkitLauncher(host, [Path.Join(outputDirectory, "toolkit.dll")]);
    }

    /// <summary>The command as a person would type it.</summary>
    public string CommandLine => string.Join(' ', LeadingArguments.Prepend(FileName));
}
