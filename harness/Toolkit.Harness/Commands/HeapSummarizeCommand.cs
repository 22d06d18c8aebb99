using System.CommandLine;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Introspecting;
using Toolkit.Introspection.Heap;

namespace Toolkit.Harness.Commands;

/// <summary><c>toolkit heap summarize FILE [--from ADDR...] [--excluding ADDR...] [--top N] [--segments]</c>: count and size per type, biggest first (Meliae's summarize).</summary>
public static class HeapSummarizeCommand
{
    /// <summary>Creates the verb. Folding is off by default (counts as captured), cutting on (it only matters with --from, so without it the graph is not copied).</summary>
    public static Command Create()
    {
        var heap = new HeapVerbOptions(foldByDefault: false, cutByDefault: true);
        var from = new Option<string[]>("--from") { Description = "Summarize only what these objects reach (addresses, repeatable or comma-separated)" };
        var excluding = new Option<string[]>("--excluding") { Description = "Do not enter these objects (addresses); without --from: what the roots reach without them" };
        var top = new Option<int>("--top") { Description = "How many types to list (0, the default, lists all)" };
        var segments = new Option<bool>("--segments") { Description = "Also list every segment (region) with its objects and free space, as SOS's eeheap -gc does (off by default)" };
        var command = new Command("summarize", "Count and size per type, biggest first, with free space per generation; or of what some objects reach")
        {
            heap.File, from, excluding, top, segments,
        };
        heap.AddOptionsTo(command);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var fromAddresses = AddressParser.ParseAll(parse.GetValue(from));
            var excludedAddresses = AddressParser.ParseAll(parse.GetValue(excluding));
            if (parse.GetValue(segments) && (fromAddresses.Count > 0 || excludedAddresses.Count > 0))
            {
                throw new UsageException("--segments lists the whole heap's segments: drop --from and --excluding, or --segments");
            }

            var reductions = heap.Reductions(parse);
            if (fromAddresses.Count == 0 && excludedAddresses.Count == 0)
            {
                reductions = reductions with { CutInfrastructureEdges = false }; // no traversal: cutting would change nothing but cost a copy
            }

            var graph = HeapFiles.Load(parse.GetRequiredValue(heap.File), reductions, heap.StepStats(parse));
            var summary = HeapFiles.AtAddress(() => HeapQueries.Summarize(graph, fromAddresses, excludedAddresses));
            if (parse.GetValue(segments))
            {
                summary = summary with { Segments = HeapSegmentRow.Compute(graph) };
            }

            var shown = CountOption.Top(parse.GetValue(top), "--top");
            return heap.Print(parse, shown > 0 ? summary with { Rows = [.. summary.Rows.Take(shown)] } : summary);
        }));
        return command.WithExamples("toolkit heap summarize app.heap --top 20", "toolkit heap summarize app.heap --top 5 --segments", "toolkit heap summarize app.heap --from 0x7f1c2a400028 --excluding 0x7f1c2a400100");
    }
}
