using System.CommandLine;
using Toolkit.Harness.Introspecting;
using Toolkit.Introspection.Heap;

namespace Toolkit.Harness.Commands;

/// <summary><c>toolkit heap paths FILE ADDR [--max N]</c>: shortest paths from GC roots to an object: why it is alive.</summary>
public static class HeapPathsCommand
{
    /// <summary>Creates the verb. Both reductions are on by default (paths through List, not its array; none through type objects).</summary>
    public static Command Create()
    {
        var heap = new HeapVerbOptions(foldByDefault: true, cutByDefault: true);
        var address = new Argument<string>("address") { Description = "The object's address (0x... as the heap verbs print it)" };
        var max = new Option<int>("--max") { Description = "How many paths to show", DefaultValueFactory = _ => 5 };
        var command = new Command("paths", "Show the paths from GC roots that keep an object alive") { heap.File, address, max };
        heap.AddOptionsTo(command);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var at = AddressParser.Parse(parse.GetRequiredValue(address));
            var graph = heap.Load(parse);
            return heap.Print(parse, HeapFiles.AtAddress(() => HeapQueries.Paths(graph, at, Math.Max(1, parse.GetValue(max)))));
        }));
        return command;
    }
}
