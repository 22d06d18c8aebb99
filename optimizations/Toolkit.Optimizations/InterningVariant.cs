using Toolkit.Engine.Build;
using Toolkit.Optimizations.Interning;

namespace Toolkit.Optimizations;

/// <summary>
/// Shares path segments and repeated strings through one intern table (a flyweight): a node keeps its
/// directory node and an interned name instead of path, name, suffix and absolute-path strings, and
/// signatures are 16-byte values instead of hex strings. Everything else is the baseline's. Saves the
/// per-node strings (most of a baseline node's bytes) and the hex strings per info; costs a string
/// built per path request and a lookup per path segment when a path is resolved.
/// </summary>
public sealed class InterningVariant : IMemoryVariant
{
    /// <summary>The variant's name.</summary>
    public const string VariantName = "interning";

    /// <inheritdoc />
    public string Name => VariantName;

    /// <inheritdoc />
    public string Summary =>
        "Path segments shared through one intern table: a node keeps its directory and an interned name, not path strings; signatures as 16-byte values, not hex. Saves the path, name, suffix and absolute-path strings and the hex strings per node; costs a string built per path request and a lookup per segment when resolving a path.";

    /// <inheritdoc />
    public TechniqueDescription? Technique { get; } = new()
    {
        Title = "Interning: share repeated strings, store signatures as values",
        Idea =
            "A build graph repeats itself: every file in a directory repeats the directory's path, every object file repeats `.o`, and the " +
            "absolute path repeats the project root. Interning (the flyweight pattern) keeps each distinct string once and lets every node " +
            "point at the shared copy; paths become a parent reference plus a shared segment instead of a full string per node.\n\n" +
            "Signatures get the same treatment: an MD5 as a 32-character hex string costs about 90 bytes on the heap; as a 16-byte value " +
            "stored inline it costs 16.",
        WhenToUse =
            "- Heap snapshots show many duplicate strings (the heap analyzer's duplicate-strings inspection lists them).\n" +
            "- Deep directory trees, where the same prefixes and suffixes repeat on every node.\n" +
            "- Hashes or ids held as hex text only to be compared.",
        WhenNot =
            "- Strings are mostly unique: the intern table then costs more than it saves.\n" +
            "- Hot paths need the full path string often: rebuilding it from segments allocates each time.\n" +
            "- A global intern pool would outlive the graph: keep the table owned by the graph so it dies with it.",
        After = SourceRegion.Variant("Interning/InterningNode.cs", VariantName),
    };

    /// <inheritdoc />
    public EngineSettings CreateSettings() => new()
    {
        StoreFactory = root => new InterningNodeStore(root),
    };
}
