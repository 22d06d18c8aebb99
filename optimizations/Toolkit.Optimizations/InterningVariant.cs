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
    public EngineSettings CreateSettings() => new()
    {
        VariantName = VariantName,
        StoreFactory = root => new InterningNodeStore(root),
    };
}
