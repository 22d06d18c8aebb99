using System.CommandLine;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Introspecting;
using Toolkit.Introspection.Heap;

namespace Toolkit.Harness.Commands;

/// <summary><c>toolkit heap inspect FILE [--top N]</c>: waste found in the heap, each finding naming the optimization that removes it.</summary>
public static class HeapInspectCommand
{
    /// <summary>Creates the verb. Both reductions are off by default (the inspections read collections' own arrays).</summary>
    public static Command Create()
    {
        var heap = new HeapVerbOptions(foldByDefault: false, cutByDefault: false);
        var top = new Option<int>("--top") { Description = "How many findings to list", DefaultValueFactory = _ => 50 };
        var command = new Command("inspect", "Find duplicate strings, empty collections, unused capacity, padding, small arrays; name the fix")
        {
            heap.File, top,
        };
        heap.AddOptionsTo(command);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var shown = Math.Max(1, CountOption.Top(parse.GetValue(top), "--top"));
            var graph = heap.Load(parse);
            var report = Terminal.Output.WithProgress("inspecting", _ => HeapInspector.Inspect(graph, new HeapInspectOptions { MaxFindings = shown }));
            return heap.Print(parse, report);
        }));
        return command.WithExamples("toolkit heap inspect app.heap --top 15");
    }
}
