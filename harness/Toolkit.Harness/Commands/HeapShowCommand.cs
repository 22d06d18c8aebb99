using System.CommandLine;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Introspecting;
using Toolkit.Introspection.Heap;

namespace Toolkit.Harness.Commands;

/// <summary><c>toolkit heap show FILE ADDR</c>: one object, its fields by name, what it references and what references it.</summary>
public static class HeapShowCommand
{
    /// <summary>Creates the verb. Both reductions are on by default (a List shows its elements, not its array).</summary>
    public static Command Create()
    {
        var heap = new HeapVerbOptions(foldByDefault: true, cutByDefault: true);
        var address = new Argument<string>("address") { Description = "The object's address (0x... as the heap verbs print it)" };
        var command = new Command("show", "Show one object: type, generation, size, fields, references, referrers, retained size")
        {
            heap.File, address,
        };
        heap.AddOptionsTo(command);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var at = AddressParser.Parse(parse.GetRequiredValue(address));
            var graph = heap.Load(parse);
            return heap.Print(parse, HeapFiles.AtAddress(() => HeapQueries.Show(graph, at)));
        }));
        return command.WithExamples("toolkit heap show app.heap 0x7f1c2a400028");
    }
}
