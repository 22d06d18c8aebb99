using System.CommandLine;
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
        var top = new Option<int>("--top") { Description = "How many objects to list", DefaultValueFactory = _ => 20 };
        var command = new Command("dominators", "The objects retaining the most memory (dominator tree)") { heap.File, top };
        heap.AddOptionsTo(command);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var graph = heap.Load(parse);
            var report = Terminal.Output.WithProgress("dominators", _ => HeapQueries.Dominators(graph, Math.Max(1, parse.GetValue(top))));
            return heap.Print(parse, report);
        }));
        return command;
    }
}
