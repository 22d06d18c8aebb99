using Toolkit.Harness.Reporting.Excerpts;

namespace Toolkit.Harness.Reporting.Techniques;

/// <summary>The prose of the chunked-hashing page: hash files block by block.</summary>
public sealed class ChunkedHashingTechnique : ITechnique
{
    /// <inheritdoc />
    public string Variant => "chunked-hashing";

    /// <inheritdoc />
    public string Title => "Chunked hashing: hash files block by block";

    /// <inheritdoc />
    public MemoryMetric Metric => MemoryMetric.PeakRssPerNode;

    /// <inheritdoc />
    public string Idea =>
        "The straightforward way to hash a file reads it whole into one array and hashes the array. Every file above 85,000 bytes then " +
        "lands on the large object heap, which is only collected with generation 2: peak memory rises with the largest files and gen-2 " +
        "collections become frequent. Incremental hashing reads a fixed-size block at a time into one reused buffer and feeds an " +
        "incremental MD5, so the memory used for hashing no longer depends on file size. It is judged by peak RSS, since the retained " +
        "graph does not change.";

    /// <inheritdoc />
    public string WhenToUse =>
        "- Projects with large inputs (generated sources, data files, archives) that are hashed for signatures.\n" +
        "- Hashing in parallel, where several whole-file buffers would be alive at once.\n" +
        "- Any code that reads a file only to stream it through a hash or a parser.";

    /// <inheritdoc />
    public string WhenNot =>
        "- Inputs are all small: a small file fits one block and nothing changes (expect no measurable saving).\n" +
        "- The whole content is needed afterwards anyway (parsing it in memory).";

    /// <inheritdoc />
    public ExcerptRef Before => TechniqueFiles.WholeFileHash;

    /// <inheritdoc />
    public ExcerptRef After => TechniqueFiles.Variant("ChunkedHashing/ChunkedMd5ContentHasher.cs", Variant);
}
