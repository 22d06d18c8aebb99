namespace Toolkit.Introspection.Tracking;

/// <summary>How <see cref="ClassTracker.CheckExpectedDead"/> explains the survivors.</summary>
public sealed record ExpectDeadOptions
{
    /// <summary>
    /// Find each survivor's retention paths (on by default). Costs a heap snapshot of this process: createdump writes a core dump
    /// (about the process's resident size, to the temporary folder, deleted after), ClrMD walks its heap into a heap file, and the
    /// heap graph is loaded to search the paths: seconds and the graph's memory (about 20 bytes per object), once per check, however
    /// many survivors. Off, a check costs two full collections.
    /// </summary>
    public bool Paths { get; init; } = true;

    /// <summary>Paths per survivor, shortest first, one per root that reaches it.</summary>
    public int MaxPaths { get; init; } = 3;

    /// <summary>How many survivors get paths (each is one backward search of the snapshot, 4 bytes per object of it); the rest are listed.</summary>
    public int MaxExplained { get; init; } = 20;

    /// <summary>Keep the heap file the paths were found in at this path (analyse it further with toolkit heap); null deletes it.</summary>
    public string? HeapFilePath { get; init; }
}
