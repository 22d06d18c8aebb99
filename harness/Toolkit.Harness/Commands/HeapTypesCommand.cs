using System.CommandLine;
using Toolkit.Harness.Introspecting;
using Toolkit.Introspection.Heap;

namespace Toolkit.Harness.Commands;

/// <summary><c>toolkit heap types FILE TYPE [--limit N]</c>: the objects of a type, biggest first, with their addresses.</summary>
public static class HeapTypesCommand
{
    /// <summary>Creates the verb. Folding is off by default (arrays keep their addresses), cutting on.</summary>
    public static Command Create()
    {
        var heap = new HeapVerbOptions(foldByDefault: false, cutByDefault: true);
        var type = new Argument<string>("type") { Description = "The type's full name, or a part of it (case-insensitive) when no type has exactly that name" };
        var limit = new Option<int>("--limit") { Description = "How many objects to list", DefaultValueFactory = _ => 20 };
        var command = new Command("types", "List the objects of a type, biggest first") { heap.File, type, limit };
        heap.AddOptionsTo(command);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            if (parse.GetValue(limit) < 0)
            {
                throw new UsageException("--limit must not be negative");
            }

            var graph = heap.Load(parse);
            return heap.Print(parse, HeapQueries.ObjectsOfType(graph, parse.GetRequiredValue(type), parse.GetValue(limit)));
        }));
        return command;
    }
}
