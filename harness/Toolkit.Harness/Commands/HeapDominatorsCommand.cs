using System.CommandLine;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Introspecting;
using Toolkit.Introspection.Heap;

namespace Toolkit.Harness.Commands;

/// <summary><c>toolkit heap dominators FILE [--top N]</c>: the objects that retain most memory, and retained bytes per type.</summary>
public static class HeapDominatorsCommand
{
    /// <summary>Creates the verb. Both reductions are on by default (else type objects and caches dominate everything).</summary>
    public static Command Create()
    {
        var heap = new HeapVerbOptions(foldByDefault: true, cutByDefault: true);
        var top = new Option<int>("--top") { Description = "How many objects and types to list", DefaultValueFactory = _ => 20 };
        var command = new Command("dominators", "The objects retaining the most memory (dominator tree), and retained bytes per type")
        {
            heap.File, top,
        };
        heap.AddOptionsTo(command);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var shown = Math.Max(1, CountOption.Top(parse.GetValue(top), "--top"));
            var graph = heap.Load(parse);
            var report = heap.StepStats(parse).Step("dominators", () => Terminal.Output.WithProgress("dominators", _ => HeapQueries.DominatorsConsumingReferences(graph, shown)), _ => graph);
            return heap.Print(parse, report);
        }));
        return command.WithExamples("toolkit heap dominators app.heap --top 10");
    }
}
