using System.CommandLine;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Introspecting;
using Toolkit.Harness.Terminal;
using Toolkit.Introspection.Heap;

namespace Toolkit.Harness.Commands;

/// <summary><c>toolkit heap export FILE -o app.heapsnapshot</c>: the heap in the format Chromium's DevTools Memory panel loads.</summary>
public static class HeapExportCommand
{
    /// <summary>Creates the verb. Neither reduction by default: DevTools shows the objects as captured and computes its own dominators.</summary>
    public static Command Create()
    {
        var heap = new HeapVerbOptions(foldByDefault: false, cutByDefault: false);
        var output = new Option<FileInfo>("--out", "-o") { Description = "The .heapsnapshot file to write (owner-only, like the heap file: it holds string contents)", Required = true };
        var command = new Command("export", "Write the heap as a V8 .heapsnapshot, which the Memory panel of Chromium's DevTools opens (Load profile)")
        {
            heap.File, output,
        };
        heap.AddOptionsTo(command);
        command.Options.Remove(heap.Json);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var graph = heap.Load(parse);
            var path = parse.GetRequiredValue(output).FullName;
            Output.WithProgress("writing", _ =>
            {
                PrivateFile.Write(path, stream => HeapSnapshotExport.Write(graph, stream));
                return 0;
            });
            Output.Line($"wrote {path} ({new FileInfo(path).Length:N0} bytes; open it in Chromium: DevTools, Memory, Load profile)");
            return 0;
        }));
        return command.WithExamples("toolkit heap export app.heap -o app.heapsnapshot", "toolkit heap export app.heap -o all.heapsnapshot --include-unreachable");
    }
}
