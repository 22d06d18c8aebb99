using System.CommandLine;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Introspecting;
using Toolkit.Introspection.Heap;

namespace Toolkit.Harness.Commands;

/// <summary><c>toolkit heap retention FILE TYPE [--top N]</c>: the instances of a type grouped by how they are kept alive.</summary>
public static class HeapRetentionCommand
{
    /// <summary>Creates the verb. Both reductions are on by default, as for paths.</summary>
    public static Command Create()
    {
        var heap = new HeapVerbOptions(foldByDefault: true, cutByDefault: true);
        var type = new Argument<string>("type") { Description = HeapVerbOptions.TypeArgumentDescription };
        var top = new Option<int>("--top") { Description = "How many retention groups to show", DefaultValueFactory = _ => 10 };
        var command = new Command("retention", "Group the instances of a type by the root kind and the types on their shortest path from a root (similar retention)")
        {
            heap.File, type, top,
        };
        heap.AddOptionsTo(command);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            int shown = Math.Max(1, CountOption.Top(parse.GetValue(top), "--top"));
            var graph = heap.Load(parse);
            return heap.Print(parse, HeapInvestigations.Retention(graph, parse.GetRequiredValue(type), shown));
        }));
        return command.WithExamples("toolkit heap retention app.heap System.IO.FileStream --top 5");
    }
}
