using System.CommandLine;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Introspecting;
using Toolkit.Introspection.Heap;

namespace Toolkit.Harness.Commands;

/// <summary><c>toolkit heap diff A B</c>: per type, how count and size changed from heap A to heap B.</summary>
public static class HeapDiffCommand
{
    /// <summary>Creates the verb. Both reductions are off by default (counts as captured).</summary>
    public static Command Create()
    {
        var heap = new HeapVerbOptions(foldByDefault: false, cutByDefault: false);
        var after = new Argument<FileInfo>("after") { Description = "The second heap file" };
        var command = new Command("diff", "Compare two heap files per type (live objects of each, unless --include-unreachable)")
        {
            heap.File, after,
        };
        heap.AddOptionsTo(command);
        command.SetAction(parse => CommandRunner.Run(() =>
            heap.Print(parse, HeapDiff.Compare(heap.Load(parse), heap.Load(parse, after)))));
        return command.WithExamples("toolkit heap diff baseline.heap interning.heap");
    }
}
