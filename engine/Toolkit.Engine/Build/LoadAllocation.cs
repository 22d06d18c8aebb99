namespace Toolkit.Engine.Build;

/// <summary>
/// The bytes each phase of <see cref="Project.Open(string, EngineSettings, IBuildReporter)"/> allocated on the managed
/// heap, garbage included, over every thread (<see cref="GC.GetTotalAllocatedBytes(bool)"/>, precise, read at the
/// phase boundaries only): what the load path costs the GC, beside what the graph retains.
/// </summary>
/// <param name="ReadBytes">Reading the manifest into the graph (parsing, the store's nodes, edges and executors, environments).</param>
/// <param name="ScanBytes">Scanning implicit dependencies (substituting each environment's compile command, reading sources) and completing the store.</param>
/// <param name="DatabaseBytes">Reading the signature database and applying it to the store.</param>
public readonly record struct LoadAllocation(long ReadBytes, long ScanBytes, long DatabaseBytes)
{
    /// <summary>All of loading.</summary>
    public long TotalBytes => ReadBytes + ScanBytes + DatabaseBytes;

    /// <summary>The managed heap's allocation counter now: precise, every thread.</summary>
    internal static long Now() => GC.GetTotalAllocatedBytes(precise: true);
}
