using System.CommandLine;
using Toolkit.Harness.Commands.Help;

namespace Toolkit.Harness.Commands;

/// <summary>
/// <c>toolkit heap VERB</c>: capture a .NET managed heap to a heap file and analyse it offline, the
/// way Meliae does for Python (docs/heap-analysis.md, docs/heap-file-format.md).
/// </summary>
public static class HeapCommand
{
    /// <summary>Creates the verb and its sub-verbs.</summary>
    public static Command Create() => new Command("heap", "Capture a managed heap (a process, this process, a core dump) and analyse the heap file; live objects only unless --include-unreachable")
    {
        HeapSnapshotCommand.Create(),
        HeapSummarizeCommand.Create(),
        HeapTypesCommand.Create(),
        HeapShowCommand.Create(),
        HeapPathsCommand.Create(),
        HeapDominatorsCommand.Create(),
        HeapCyclesCommand.Create(),
        HeapDiffCommand.Create(),
        HeapInspectCommand.Create(),
        HeapTreeCommand.Create(),
        HeapRetentionCommand.Create(),
        HeapStringsCommand.Create(),
        HeapReportCommand.Create(),
        HeapExportCommand.Create(),
    }.WithExamples("toolkit heap snapshot --pid 4242 -o app.heap", "toolkit heap summarize app.heap --top 20");
}
