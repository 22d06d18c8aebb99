using System.CommandLine;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Introspecting;
using Toolkit.Introspection.Heap;

namespace Toolkit.Harness.Commands;

/// <summary><c>toolkit heap types FILE TYPE [--top N]</c>: the objects of a type, biggest first, with their addresses.</summary>
public static class HeapTypesCommand
{
    /// <summary>Creates the verb. Folding is off by default (arrays keep their addresses), cutting on.</summary>
    public static Command Create()
    {
        var heap = new HeapVerbOptions(foldByDefault: false, cutByDefault: true);
        var type = new Argument<string>("type") { Description = HeapVerbOptions.TypeArgumentDescription };
        var top = new Option<int>("--top") { Description = "How many objects to list", DefaultValueFactory = _ => 20 };
        var command = new Command("types", "List the objects of a type, biggest first")
        {
            heap.File, type, top,
        };
        heap.AddOptionsTo(command);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var shown = CountOption.Top(parse.GetValue(top), "--top");
            var graph = heap.Load(parse);
            return heap.Print(parse, HeapQueries.ObjectsOfType(graph, parse.GetRequiredValue(type), shown));
        }));
        return command.WithExamples("toolkit heap types app.heap System.String --top 5");
    }
}
