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
    public EngineSettings CreateSettings() => new()
    {
        VariantName = VariantName,
        Hasher = new ChunkedMd5ContentHasher(),
    };
}
