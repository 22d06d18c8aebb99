using Toolkit.Harness.Results;

namespace Toolkit.Harness.Measuring;

/// <summary>
/// A peer build tool measured beside the engine on the same generated project, from the build file
/// the generator wrote for it: its build command (a full build on a clean tree, a null build right
/// after) and the same with its dry-run flag. Its actions run the stand-in compiler and archiver
/// (<see cref="StandInTools"/>), found first on PATH.
/// </summary>
public sealed class PeerTool : MeasuredTool
{
    private readonly IReadOnlyList<string> _arguments;
    private readonly string _dryRunFlag;

    private PeerTool(string name, string executable, IReadOnlyList<string> arguments, string dryRunFlag = "-n")
    {
        Name = name;
        Executable = executable;
        _arguments = arguments;
        _dryRunFlag = dryRunFlag;
    }

    /// <summary>GNU Make, Ninja, samurai and SCons, each on the build file the generator wrote.</summary>
    public static IReadOnlyList<PeerTool> All { get; } =
    [
        new("make", "make", ["-f", "Makefile"]),
        new("ninja", "ninja", ["-f", "build.ninja"]),
        new("samurai", "samu", ["-f", "build.ninja"]),
        new("scons", "scons", ["-Q", "-f", "SConstruct"]),
    ];

    /// <summary>Every peer's name.</summary>
    public static IReadOnlyList<string> Names => All.Select(p => p.Name).ToArray();

    /// <summary>
    /// The peers a run measures unless told otherwise: all but SCons, whose dry, full and null builds take
    /// ten times as long as the others' (half a minute each at 3k sources, six runs over); <c>--peers all</c>
    /// and the reference run measure it too.
    /// </summary>
    public static IReadOnlyList<string> DefaultNames { get; } = ["make", "ninja", "samurai"];

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override string? Variant => null;

    /// <summary>The build file it reads (the argument after -f).</summary>
    public string BuildFile => _arguments[_arguments.ToList().IndexOf("-f") + 1];

    /// <summary>The program looked up on PATH.</summary>
    public string Executable { get; }

    /// <summary>The peer called <paramref name="name"/>, or null.</summary>
    public static PeerTool? Find(string name) => All.FirstOrDefault(p => p.Name == name);

    /// <inheritdoc />
    public override string? WhySkipped()
    {
        if (ProcessMeasurer.FindOnPath(Executable) is null)
        {
            return $"{Executable} is not on PATH";
        }

        return ProcessMeasurer.WhyNotMeasurable();
    }

    /// <inheritdoc />
    public override (string FileName, IReadOnlyList<string> Arguments) Command(string operation, string projectDirectory, int jobs) =>
        (ProcessMeasurer.FindOnPath(Executable) ?? Executable, Arguments(operation, jobs));

    /// <inheritdoc />
    public override string Describe(string operation, int jobs) => string.Join(' ', Arguments(operation, jobs).Prepend(Executable));

    private List<string> Arguments(string operation, int jobs)
    {
        var arguments = new List<string>(_arguments) { "-j", jobs.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (operation == ProcessOperations.DryRun)
        {
            arguments.Add(_dryRunFlag);
        }

        return arguments;
    }
}
