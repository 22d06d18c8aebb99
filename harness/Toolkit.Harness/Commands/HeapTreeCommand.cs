using System.CommandLine;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Introspecting;
using Toolkit.Introspection.Heap;

namespace Toolkit.Harness.Commands;

/// <summary><c>toolkit heap tree FILE [ADDR] [--depth N] [--top N]</c>: the dominator tree under an object (or the roots), to a depth.</summary>
public static class HeapTreeCommand
{
    /// <summary>Creates the verb. Both reductions are on by default, as for dominators.</summary>
    public static Command Create()
    {
        var heap = new HeapVerbOptions(foldByDefault: true, cutByDefault: true);
        var address = new Argument<string?>("address") { Description = "The dominator to start from (default: the roots)", Arity = ArgumentArity.ZeroOrOne };
        var depth = new Option<int>("--depth") { Description = "How many levels to show", DefaultValueFactory = _ => 2 };
        var top = new Option<int>("--top") { Description = "How many children to show at each level, biggest first", DefaultValueFactory = _ => 10 };
        var command = new Command("tree", "Walk the dominator tree: what an object retains, biggest first, level by level")
        {
            heap.File, address, depth, top,
        };
        heap.AddOptionsTo(command);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            ulong? at = parse.GetValue(address) is { } text ? AddressParser.Parse(text) : null;
            int levels = Math.Max(1, CountOption.Top(parse.GetValue(depth), "--depth"));
            int shown = Math.Max(1, CountOption.Top(parse.GetValue(top), "--top"));
            var graph = heap.Load(parse);
            return heap.Print(parse, HeapFiles.AtAddress(() => HeapInvestigations.DominatorSubtree(graph, at, levels, shown)));
        }));
        return command.WithExamples("toolkit heap tree app.heap --depth 3", "toolkit heap tree app.heap 0x7f1c2a400028 --depth 2 --top 5");
    }
}
