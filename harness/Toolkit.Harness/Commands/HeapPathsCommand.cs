using System.CommandLine;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Introspecting;
using Toolkit.Introspection.Heap;

namespace Toolkit.Harness.Commands;

/// <summary><c>toolkit heap paths FILE ADDR [--top N]</c>: shortest paths from GC roots to an object: why it is alive.</summary>
public static class HeapPathsCommand
{
    /// <summary>Creates the verb. Both reductions are on by default (paths through List, not its array; none through type objects).</summary>
    public static Command Create()
    {
        var heap = new HeapVerbOptions(foldByDefault: true, cutByDefault: true);
        var address = new Argument<string>("address") { Description = "The object's address (0x... as the heap verbs print it)" };
        var top = new Option<int>("--top") { Description = "How many paths to show (one per root that reaches it)", DefaultValueFactory = _ => 5 };
        var command = new Command("paths", "Show the paths from GC roots (with their kind, and a static field's name) that keep an object alive")
        {
            heap.File, address, top,
        };
        heap.AddOptionsTo(command);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var at = AddressParser.Parse(parse.GetRequiredValue(address));
            var shown = CountOption.Top(parse.GetValue(top), "--top");
            var graph = heap.Load(parse);
            return heap.Print(parse, HeapFiles.AtAddress(() => HeapQueries.Paths(graph, at, Math.Max(1, shown))));
        }));
        return command.WithExamples("toolkit heap paths app.heap 0x7f1c2a400028 --top 2");
    }
}
