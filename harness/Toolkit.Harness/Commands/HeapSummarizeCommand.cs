using System.CommandLine;
using Toolkit.Harness.Introspecting;
using Toolkit.Introspection.Heap;

namespace Toolkit.Harness.Commands;

/// <summary><c>toolkit heap summarize FILE [--from ADDR...] [--excluding ADDR...]</c>: count and size per type, biggest first (Meliae's summarize).</summary>
public static class HeapSummarizeCommand
{
    /// <summary>Creates the verb. Folding is off by default (counts as captured), cutting on (it only matters with --from).</summary>
    public static Command Create()
    {
        var heap = new HeapVerbOptions(foldByDefault: false, cutByDefault: true);
        var from = new Option<string[]>("--from") { Description = "Summarize only what these objects reach (addresses, repeatable or comma-separated)" };
        var excluding = new Option<string[]>("--excluding") { Description = "Do not enter these objects (addresses); without --from: what the roots reach without them" };
        var command = new Command("summarize", "Count and size per type, biggest first; or of what some objects reach") { heap.File, from, excluding };
        heap.AddOptionsTo(command);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var fromAddresses = AddressParser.ParseAll(parse.GetValue(from));
            var excludedAddresses = AddressParser.ParseAll(parse.GetValue(excluding));
            var graph = heap.Load(parse);
            return heap.Print(parse, HeapFiles.AtAddress(() => HeapQueries.Summarize(graph, fromAddresses, excludedAddresses)));
        }));
        return command;
    }
}
