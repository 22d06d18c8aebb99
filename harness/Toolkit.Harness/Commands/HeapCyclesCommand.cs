using System.CommandLine;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Introspecting;
using Toolkit.Introspection.Heap;

namespace Toolkit.Harness.Commands;

/// <summary><c>toolkit heap cycles FILE [--top N] [--include-framework]</c>: cycles of strong references among the program's types, grouped by shape.</summary>
public static class HeapCyclesCommand
{
    /// <summary>Creates the verb. Both reductions are on by default (a List's array is not a cycle member of its own; type objects tie everything together).</summary>
    public static Command Create()
    {
        var heap = new HeapVerbOptions(foldByDefault: true, cutByDefault: true);
        var top = new Option<int>("--top") { Description = "How many shapes of cycle to list, biggest first", DefaultValueFactory = _ => 20 };
        var framework = new Option<bool>("--include-framework") { Description = "Also list cycles made of framework objects only (System.*, Microsoft.*: the runtime's threads and caches); off by default" };
        var command = new Command("cycles", "Cycles of strong references (strongly connected components) among the program's types, grouped by shape, biggest first, with the edge whose weakening breaks each")
        {
            heap.File, top, framework,
        };
        heap.AddOptionsTo(command);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var options = new HeapCycleOptions { Top = Math.Max(1, CountOption.Top(parse.GetValue(top), "--top")), IncludeFramework = parse.GetValue(framework) };
            var graph = heap.Load(parse);
            var report = heap.StepStats(parse).Step("cycles", () => Terminal.Output.WithProgress("cycles", _ => HeapCycles.Find(graph, options)), _ => graph);
            return heap.Print(parse, report);
        }));
        return command.WithExamples("toolkit heap cycles app.heap --top 5", "toolkit heap cycles app.heap --include-framework --json");
    }
}
