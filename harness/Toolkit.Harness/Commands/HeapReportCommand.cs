using System.CommandLine;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Introspecting;
using Toolkit.Harness.Terminal;
using Toolkit.Introspection.Heap;

namespace Toolkit.Harness.Commands;

/// <summary><c>toolkit heap report FILE -o heap.html</c>: one self-contained HTML page of the heap.</summary>
public static class HeapReportCommand
{
    /// <summary>Creates the verb. Both reductions are on by default, as for dominators.</summary>
    public static Command Create()
    {
        var heap = new HeapVerbOptions(foldByDefault: true, cutByDefault: true);
        var output = new Option<FileInfo>("--out", "-o") { Description = "The HTML page to write (owner-only, like the heap file: it shows string contents)", Required = true };
        var top = new Option<int>("--top") { Description = "How many dominators, types and findings the page shows", DefaultValueFactory = _ => 30 };
        var command = new Command("report", "Write one self-contained HTML page: dominator treemap, sortable types, paths on click, inspections, generations")
        {
            heap.File, output, top,
        };
        heap.AddOptionsTo(command);
        command.Options.Remove(heap.Json);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            int shown = Math.Max(1, CountOption.Top(parse.GetValue(top), "--top"));
            var file = parse.GetRequiredValue(heap.File);
            var graph = heap.Load(parse);
            var html = Output.WithProgress("rendering", _ => HeapHtmlReport.Render(graph, "heap of " + file.Name, shown));
            var path = parse.GetRequiredValue(output).FullName;
            PrivateFile.WriteAllText(path, html);
            Output.Line($"wrote {path} ({html.Length:N0} characters)");
            return 0;
        }));
        return command.WithExamples("toolkit heap report app.heap -o heap.html");
    }
}
