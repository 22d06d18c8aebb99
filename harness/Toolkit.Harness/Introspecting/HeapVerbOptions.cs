using System.CommandLine;
using Toolkit.Introspection.Heap;

namespace Toolkit.Harness.Introspecting;

/// <summary>
/// The options every heap analysis verb has: the heap file, <c>--json</c>, and the two noise
/// reductions, whose defaults each verb chooses (on where the graph's shape is read, off where
/// per-type counts must match the heap as captured).
/// </summary>
public sealed class HeapVerbOptions
{
    /// <summary>Creates the options with the verb's defaults for the reductions.</summary>
    public HeapVerbOptions(bool foldByDefault, bool cutByDefault)
    {
        File = new Argument<FileInfo>("file") { Description = "A heap file written by toolkit heap snapshot or toolkit build --heap-snapshot" };
        Json = new Option<bool>("--json") { Description = "Print one JSON document instead of text" };
        Fold = new Option<bool>("--fold-collections")
        {
            Description = $"Fold the arrays behind List, Dictionary, HashSet... into their owner (default {OnOff(foldByDefault)}; --fold-collections false to turn off)",
            DefaultValueFactory = _ => foldByDefault,
        };
        Cut = new Option<bool>("--cut-infrastructure")
        {
            Description = $"Cut references to and from type objects and reflection caches (default {OnOff(cutByDefault)}; --cut-infrastructure false to turn off)",
            DefaultValueFactory = _ => cutByDefault,
        };
    }

    /// <summary>The heap file argument.</summary>
    public Argument<FileInfo> File { get; }

    /// <summary><c>--json</c>.</summary>
    public Option<bool> Json { get; }

    /// <summary><c>--fold-collections</c>.</summary>
    public Option<bool> Fold { get; }

    /// <summary><c>--cut-infrastructure</c>.</summary>
    public Option<bool> Cut { get; }

    /// <summary>Adds the options (not the file argument) to <paramref name="command"/>.</summary>
    public void AddOptionsTo(Command command)
    {
        command.Options.Add(Json);
        command.Options.Add(Fold);
        command.Options.Add(Cut);
    }

    /// <summary>Loads and reduces the file named on the command line.</summary>
    public HeapGraph Load(ParseResult parse) => Load(parse, File);

    /// <summary>Loads and reduces the file of <paramref name="argument"/>.</summary>
    public HeapGraph Load(ParseResult parse, Argument<FileInfo> argument) =>
        HeapFiles.Load(parse.GetRequiredValue(argument), parse.GetValue(Fold), parse.GetValue(Cut));

    /// <summary>Prints a report as the command line asks.</summary>
    public int Print(ParseResult parse, IHeapReport report) => HeapFiles.Print(report, parse.GetValue(Json));

    private static string OnOff(bool on) => on ? "on" : "off";
}
