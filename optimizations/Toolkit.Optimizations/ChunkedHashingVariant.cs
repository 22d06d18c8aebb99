using Toolkit.Engine.Build;
using Toolkit.Optimizations.ChunkedHashing;

namespace Toolkit.Optimizations;

/// <summary>
/// Hashes files block by block (<see cref="ChunkedMd5ContentHasher"/>: incremental MD5 over a pooled
/// 64 KiB buffer) instead of reading each whole file into one array; the baseline store and everything
/// else unchanged. Saves peak memory and large-object-heap allocations when hashing large files (the
/// signatures are the same); costs a read call per block. Retained bytes per node do not change: the
/// saving is transient.
/// </summary>
public sealed class ChunkedHashingVariant : IMemoryVariant
{
    /// <summary>The variant's name.</summary>
    public const string VariantName = "chunked-hashing";

    /// <inheritdoc />
    public string Name => VariantName;

    /// <inheritdoc />
    public string Summary =>
        "Block-wise incremental MD5 over a pooled 64 KiB buffer instead of reading whole files. Same signatures; saves the file-sized transient array (and its LOH allocation) per hashed file, so peak memory and gen-2 GCs drop on large files; retained bytes per node unchanged; costs a read call per block.";

    /// <inheritdoc />
    public TechniqueDescription? Technique { get; } = new()
    {
        Title = "Chunked hashing: hash files block by block",
        JudgedBy = MemoryMetric.PeakRssPerNode,
        Idea =
            "The straightforward way to hash a file reads it whole into one array and hashes the array. Every file above 85,000 bytes then " +
            "lands on the large object heap, which is only collected with generation 2: peak memory rises with the largest files and gen-2 " +
            "collections become frequent. Incremental hashing reads a fixed-size block at a time into one reused buffer and feeds an " +
            "incremental MD5, so the memory used for hashing no longer depends on file size. It is judged by peak RSS, since the retained " +
            "graph does not change.",
        WhenToUse =
            "- Projects with large inputs (generated sources, data files, archives) that are hashed for signatures.\n" +
            "- Hashing in parallel, where several whole-file buffers would be alive at once.\n" +
            "- Any code that reads a file only to stream it through a hash or a parser.",
        WhenNot =
            "- Inputs are all small: a small file fits one block and nothing changes (expect no measurable saving).\n" +
            "- The whole content is needed afterwards anyway (parsing it in memory).",
        Before = [SourceRegion.WholeFileHash],
        After = SourceRegion.Variant("ChunkedHashing/ChunkedMd5ContentHasher.cs", VariantName),
    };

    /// <inheritdoc />
    public EngineSettings CreateSettings() => new()
    {
        Hasher = new ChunkedMd5ContentHasher(),
    };
}
