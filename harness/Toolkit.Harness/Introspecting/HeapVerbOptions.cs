using System.CommandLine;
using Toolkit.Introspection.Heap;

namespace Toolkit.Harness.Introspecting;

/// <summary>
/// The options every heap analysis verb has: the heap file, <c>--json</c>, <c>--include-unreachable</c>, and the two noise
/// reductions, whose defaults each verb chooses (on where the graph's shape is read, off where per-type counts must match the
/// heap as captured). A reduction on by default is turned off with its <c>--no-...</c> form; one off by default is turned on
/// with its plain form; the help says the default once.
/// </summary>
public sealed class HeapVerbOptions
{
    /// <summary>The help of a verb's type argument (types, retention): one text for one meaning.</summary>
    public const string TypeArgumentDescription =
        "The type's full name (or as the tables show it, with its module in brackets where two modules share the name), or a part of it (case-insensitive) when no type has exactly that name";

    private const string FoldWhat = "Fold the arrays behind List, Dictionary, HashSet... into their owner";
    private const string CutWhat = "Cut references to and from type objects and reflection caches";

    private readonly bool _foldByDefault;
    private readonly bool _cutByDefault;

    /// <summary>Creates the options with the verb's defaults for the reductions.</summary>
    public HeapVerbOptions(bool foldByDefault, bool cutByDefault)
    {
        _foldByDefault = foldByDefault;
        _cutByDefault = cutByDefault;
        File = new Argument<FileInfo>("file") { Description = "A heap file written by toolkit heap snapshot or toolkit build --heap-snapshot" };
        Json = new Option<bool>("--json") { Description = "Print one JSON document instead of text" };
        Fold = Switch("fold-collections", FoldWhat, foldByDefault);
        Cut = Switch("cut-infrastructure", CutWhat, cutByDefault);
        Stats = new Option<bool>("--stats")
        {
            Description = "Print to stderr, after each step (load, reduce, query), its time, the peak RSS and the graph's bytes per object (off by default)",
        };
        IncludeUnreachable = new Option<bool>("--include-unreachable")
        {
            Description = "Keep objects no root reaches (garbage not yet collected) in the tables (off by default: they are counted on one line)",
        };
    }

    /// <summary>The heap file argument.</summary>
    public Argument<FileInfo> File { get; }

    /// <summary><c>--json</c>.</summary>
    public Option<bool> Json { get; }

    /// <summary><c>--no-fold-collections</c> where folding is on by default, else <c>--fold-collections</c>.</summary>
    public Option<bool> Fold { get; }

    /// <summary><c>--no-cut-infrastructure</c> where cutting is on by default, else <c>--cut-infrastructure</c>.</summary>
    public Option<bool> Cut { get; }

    /// <summary><c>--stats</c>.</summary>
    public Option<bool> Stats { get; }

    /// <summary><c>--include-unreachable</c>.</summary>
    public Option<bool> IncludeUnreachable { get; }

    /// <summary>Adds the options (not the file argument) to <paramref name="command"/>.</summary>
    public void AddOptionsTo(Command command)
    {
        command.Options.Add(Json);
        command.Options.Add(Fold);
        command.Options.Add(Cut);
        command.Options.Add(IncludeUnreachable);
        command.Options.Add(Stats);
    }

    /// <summary>The step statistics the command line asks for (printing nothing without <c>--stats</c>).</summary>
    public HeapStepStats StepStats(ParseResult parse) => new(parse.GetValue(Stats));

    /// <summary>Loads and reduces the file named on the command line.</summary>
    public HeapGraph Load(ParseResult parse) => Load(parse, File);

    /// <summary>Loads and reduces the file of <paramref name="argument"/>.</summary>
    public HeapGraph Load(ParseResult parse, Argument<FileInfo> argument) =>
        HeapFiles.Load(parse.GetRequiredValue(argument), Reductions(parse), StepStats(parse));

    /// <summary>The reductions the command line asks for.</summary>
    public HeapReduceOptions Reductions(ParseResult parse) => new()
    {
        FoldCollectionInternals = parse.GetValue(Fold) != _foldByDefault,
        CutInfrastructureEdges = parse.GetValue(Cut) != _cutByDefault,
        DropUnreachable = !parse.GetValue(IncludeUnreachable),
    };

    /// <summary>Prints a report as the command line asks.</summary>
    public int Print(ParseResult parse, IHeapReport report) => HeapFiles.Print(report, parse.GetValue(Json));

    // The switch that changes the default: --no-NAME when on by default (its value true means "off"), else --NAME.
    private static Option<bool> Switch(string name, string what, bool onByDefault) => onByDefault
        ? new Option<bool>("--no-" + name) { Description = $"{what} (on by default; --no-{name} turns it off)" }
        : new Option<bool>("--" + name) { Description = $"{what} (off by default; --{name} turns it on)" };
}
