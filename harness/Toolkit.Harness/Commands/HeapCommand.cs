using System.CommandLine;

namespace Toolkit.Harness.Commands;

/// <summary>
/// <c>toolkit heap VERB</c>: capture a .NET managed heap to a heap file and analyse it offline, the
/// way Meliae does for Python (docs/heap-analysis.md, docs/heap-file-format.md).
/// </summary>
public static class HeapCommand
{
    /// <summary>Creates the verb and its sub-verbs.</summary>
    public static Command Create() => new("heap", "Capture a managed heap (a process, this process, a core dump) and analyse the heap file")
    {
        HeapSnapshotCommand.Create(),
        HeapSummarizeCommand.Create(),
        HeapTypesCommand.Create(),
        HeapShowCommand.Create(),
        HeapPathsCommand.Create(),
        HeapDominatorsCommand.Create(),
        HeapDiffCommand.Create(),
        HeapInspectCommand.Create(),
    };
}
