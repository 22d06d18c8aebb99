using Toolkit.Harness.Reporting.Excerpts;

namespace Toolkit.Harness.Reporting.Techniques;

/// <summary>The prose of the interning page: shared strings and binary signatures.</summary>
public sealed class InterningTechnique : ITechnique
{
    /// <inheritdoc />
    public string Variant => "interning";

    /// <inheritdoc />
    public string Title => "Interning: share repeated strings, store signatures as values";

    /// <inheritdoc />
    public MemoryMetric Metric => MemoryMetric.RetainedAfterBuild;

    /// <inheritdoc />
    public string Idea =>
        "A build graph repeats itself: every file in a directory repeats the directory's path, every object file repeats `.o`, and the " +
        "absolute path repeats the project root. Interning (the flyweight pattern) keeps each distinct string once and lets every node " +
        "point at the shared copy; paths become a parent reference plus a shared segment instead of a full string per node.\n\n" +
        "Signatures get the same treatment: an MD5 as a 32-character hex string costs about 90 bytes on the heap; as a 16-byte value " +
        "stored inline it costs 16.";

    /// <inheritdoc />
    public string WhenToUse =>
        "- Heap snapshots show many duplicate strings (the heap analyzer's duplicate-strings inspection lists them).\n" +
        "- Deep directory trees, where the same prefixes and suffixes repeat on every node.\n" +
        "- Hashes or ids held as hex text only to be compared.";

    /// <inheritdoc />
    public string WhenNot =>
        "- Strings are mostly unique: the intern table then costs more than it saves.\n" +
        "- Hot paths need the full path string often: rebuilding it from segments allocates each time.\n" +
        "- A global intern pool would outlive the graph: keep the table owned by the graph so it dies with it.";

    /// <inheritdoc />
    public ExcerptRef Before => TechniqueFiles.BaselineNode;

    /// <inheritdoc />
    public ExcerptRef After => TechniqueFiles.Variant("Interning/InterningNode.cs", Variant);
}
