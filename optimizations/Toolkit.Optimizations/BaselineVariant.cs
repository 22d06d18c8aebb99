using Toolkit.Engine.Build;

namespace Toolkit.Optimizations;

/// <summary>
/// The honest naive design, as a careful first C# port of SCons's Node would be written: one object
/// per node holding path, name, suffix and absolute path as strings; all six dependency lists
/// allocated up front (SCons's Node.__init__); an attribute dictionary for rare flags (node.attributes);
/// signatures as hex strings (ninfo.csig); build info kept after the build (before SCons's
/// release_target_info); executors with back-references to their targets; whole-file MD5; scanner
/// caches kept for the life of the project.
/// </summary>
public sealed class BaselineVariant : IMemoryVariant
{
    /// <summary>The variant's name: every saving is measured against it.</summary>
    public const string VariantName = "baseline";

    /// <inheritdoc />
    public string Name => VariantName;

    /// <inheritdoc />
    public string Summary =>
        "The reference: what a careful first port of SCons's Node keeps (strings for every path form, eager lists, an attribute dictionary, hex signatures, build info kept). Saves nothing; costs nothing extra in time.";

    /// <inheritdoc />
    public TechniqueDescription? Technique => null;

    /// <inheritdoc />
    public EngineSettings CreateSettings() => new();
}
