using System.CommandLine;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Introspecting;
using Toolkit.Introspection.Heap;

namespace Toolkit.Harness.Commands;

/// <summary><c>toolkit heap strings FILE [--top N]</c>: duplicate strings by value, with their copies, bytes and holding fields.</summary>
public static class HeapStringsCommand
{
    /// <summary>Creates the verb. Both reductions are off by default (a string's holder is named as captured).</summary>
    public static Command Create()
    {
        var heap = new HeapVerbOptions(foldByDefault: false, cutByDefault: false);
        var top = new Option<int>("--top") { Description = "How many values to list, most wasted bytes first", DefaultValueFactory = _ => 20 };
        var command = new Command("strings", "List duplicate strings by value: copies, bytes wasted, the fields that hold them")
        {
            heap.File, top,
        };
        heap.AddOptionsTo(command);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            int shown = Math.Max(1, CountOption.Top(parse.GetValue(top), "--top"));
            var graph = heap.Load(parse);
            if (!graph.Header.StringContents)
            {
                throw new UsageException($"{parse.GetRequiredValue(heap.File).Name} was captured with --no-string-contents: no values to compare");
            }

            return heap.Print(parse, HeapInvestigations.DuplicateStrings(graph, shown));
        }));
        return command.WithExamples("toolkit heap strings app.heap --top 20");
    }
}
