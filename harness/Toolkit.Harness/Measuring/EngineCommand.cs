using System.CommandLine.Parsing;

namespace Toolkit.Harness.Measuring;

/// <summary>
/// The engine program measured as a whole process (the seam a lean engine executable plugs into):
/// any program that, after its leading arguments, accepts <c>DIR --variant NAME -j N</c>, optionally
/// <c>-n</c> (dry run) and <c>--real-tools</c> (run the manifest's commands instead of the built-in tool),
/// builds the project in DIR and exits 0 on success. By default it is this toolkit's <c>build</c> verb;
/// <c>toolkit scale --engine "PATH [ARGS]"</c> names another, e.g. the lean engine executable
/// toolkit-build published with NativeAOT (<c>--engine aot</c>, <see cref="LeanEngine"/>).
/// </summary>
/// <param name="FileName">The program.</param>
/// <param name="LeadingArguments">Arguments before the project directory (for the toolkit: its assembly when run by dotnet, and "build").</param>
public sealed record EngineCommand(string FileName, IReadOnlyList<string> LeadingArguments)
{
    /// <summary>This toolkit's <c>build</c> verb.</summary>
    public static EngineCommand ThisToolkit() => Of(ToolkitLauncher.ThisToolkit());

    /// <summary>The <c>build</c> verb of the toolkit <paramref name="launcher"/> starts.</summary>
    public static EngineCommand Of(ToolkitLauncher launcher)
    {
        ArgumentNullException.ThrowIfNull(launcher);
        return new EngineCommand(launcher.FileName, [.. launcher.LeadingArguments, "build"]);
    }

    /// <summary>
    /// Parses a command given as text (<c>--engine</c>): words split as a shell would, quotes kept
    /// together; a relative program path is taken from <paramref name="baseDirectory"/>.
    /// An empty text is a <see cref="MeasurementException"/>.
    /// </summary>
    public static EngineCommand Parse(string text, string optionName, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (LeanEngine.FromKeyword(text.Trim(), optionName) is { } lean)
        {
            return lean;
        }

        var words = CommandLineParser.SplitCommandLine(text).ToArray();
        if (words.Length == 0 || string.IsNullOrWhiteSpace(words[0]))
        {
            throw new MeasurementException($"{optionName}: give the engine program (and any arguments before the project directory), e.g. {optionName} \"/opt/engine/toolkit-engine\"");
        }

        var program = words[0];
        if (baseDirectory is not null && program.Contains('/', StringComparison.Ordinal) && !Path.IsPathRooted(program))
        {
            program = Path.GetFullPath(Path.Join(baseDirectory, program));
        }

        return new EngineCommand(program, words[1..]);
    }

    /// <summary>The arguments of one run on <paramref name="projectDirectory"/>.</summary>
    public IReadOnlyList<string> Arguments(string projectDirectory, string variant, int jobs, bool dryRun, bool realTools)
    {
        var arguments = new List<string>(LeadingArguments) { projectDirectory, "--variant", variant, "-j", jobs.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (dryRun)
        {
            arguments.Add("-n");
        }

        if (realTools)
        {
            arguments.Add("--real-tools");
        }

        return arguments;
    }

    /// <summary>
    /// Which binary runs, for the results (<c>options.engineBinary</c>): JIT (through dotnet, or an apphost with
    /// its assembly beside it) or native (no assembly beside it: a NativeAOT publish), with its path, size,
    /// modification time and the start of its SHA-256, so two results files say whether they measured the same program.
    /// </summary>
    public string DescribeBinary()
    {
        var program = Path.IsPathRooted(FileName) ? FileName : ProcessMeasurer.FindOnPath(FileName) ?? FileName;
        var dotnet = Path.GetFileNameWithoutExtension(program) == "dotnet";
        var binary = dotnet && LeadingArguments.Count > 0 ? LeadingArguments[0] : program;
        if (!File.Exists(binary))
        {
            return $"{binary} (not found)";
        }

        var kind = dotnet ? "JIT, run by dotnet"
            : File.Exists(Path.ChangeExtension(binary, ".dll")) ? "JIT, apphost of " + Path.GetFileName(Path.ChangeExtension(binary, ".dll"))
            : "native, no .NET assembly beside it (NativeAOT)";
        var info = new FileInfo(binary);
        using var stream = File.OpenRead(binary);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream))[..12];
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{binary}: {kind}, {info.Length:N0} bytes, modified {info.LastWriteTimeUtc:yyyy-MM-ddTHH:mm:ssZ}, sha256 {hash}");
    }

    /// <summary>The command as a person would type it, without the per-run arguments.</summary>
    public string CommandLine => string.Join(' ', LeadingArguments.Prepend(FileName).Select(Quote));

    private static string Quote(string word) => word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or '=' or ':' or ',') ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
