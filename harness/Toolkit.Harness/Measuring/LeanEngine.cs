namespace Toolkit.Harness.Measuring;

/// <summary>
/// Where the lean engine executable <c>toolkit-build</c> (harness/Toolkit.Build) is in this repository,
/// for <c>toolkit scale --engine aot</c> and <c>--engine lean</c>: the NativeAOT publish
/// (<see cref="PublishCommand"/>) or the JIT build beside this toolkit's. Found from the toolkit's own
/// assembly, which lives in the repository's harness/Toolkit.Harness/bin/CONFIG/net10.0 when built here;
/// an installed toolkit has no repository and names the program by path instead.
/// </summary>
public static class LeanEngine
{
    /// <summary>The program's name.</summary>
    public const string ProgramName = "toolkit-build";

    /// <summary>The command that publishes it with NativeAOT, from the repository's root.</summary>
    public const string PublishCommand = "dotnet publish harness/Toolkit.Build -c Release -r linux-x64 -p:PublishAot=true";

    /// <summary>The NativeAOT program <see cref="PublishCommand"/> writes, under <paramref name="repositoryRoot"/>.</summary>
    public static string Published(string repositoryRoot) =>
        Path.Join(repositoryRoot, "harness", "Toolkit.Build", "bin", "Release", "net10.0", "linux-x64", "publish", ProgramName);

    /// <summary>The JIT program (its apphost) that <c>dotnet build -c <paramref name="configuration"/></c> writes.</summary>
    public static string Jit(string repositoryRoot, string configuration) =>
        Path.Join(repositoryRoot, "harness", "Toolkit.Build", "bin", configuration, "net10.0", ProgramName);

    /// <summary>The repository holding <paramref name="start"/> (the folder with Toolkit.sln above it), or null.</summary>
    public static string? RepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Join(directory.FullName, "Toolkit.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    /// <summary>The build configuration this toolkit was built in (the name of the folder above net10.0), Release when unknown.</summary>
    public static string ThisConfiguration()
    {
        var output = Path.GetDirectoryName(typeof(LeanEngine).Assembly.Location); // .../bin/CONFIG/net10.0
        return output is not null && Path.GetFileName(output) == "net10.0" && Path.GetDirectoryName(output) is { } configuration ? Path.GetFileName(configuration) : "Release";
    }

    /// <summary>
    /// The engine command a keyword of <c>--engine</c> names: <c>aot</c> (the NativeAOT publish) or <c>lean</c>
    /// (the JIT toolkit-build of this toolkit's configuration), each running its <c>build</c> verb; null for any
    /// other text. A keyword whose program is not built is a <see cref="MeasurementException"/> saying how to build it.
    /// </summary>
    public static EngineCommand? FromKeyword(string text, string optionName)
    {
        if (text is not ("aot" or "lean"))
        {
            return null;
        }

        var root = RepositoryRoot(AppContext.BaseDirectory)
            ?? throw new MeasurementException($"{optionName} {text}: this toolkit was not built in a Toolkit repository, so there is no {ProgramName} beside it; name the program by its path");
        var program = text == "aot" ? Published(root) : Jit(root, ThisConfiguration());
        if (!File.Exists(program))
        {
            var how = text == "aot" ? PublishCommand : $"dotnet build harness/Toolkit.Build -c {ThisConfiguration()}";
            throw new MeasurementException($"{optionName} {text}: {program} does not exist; build it from {root} with: {how}");
        }

        return new EngineCommand(program, ["build"]);
    }
}
