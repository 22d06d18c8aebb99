using Toolkit.Engine.Build;

namespace Toolkit.Optimizations;

/// <summary>
/// A named memory strategy, selectable with <c>--variant NAME</c>. A variant is a set of choices at
/// the engine's seams (<see cref="EngineSettings"/>: the node store, the hasher, the scan cache,
/// what is released when); node-storage variants give their own store, the others plug in elsewhere.
/// </summary>
public interface IMemoryVariant
{
    /// <summary>The name used on the command line and in results ("baseline", "slots", ...).</summary>
    string Name { get; }

    /// <summary>One paragraph: what the variant saves and what it costs.</summary>
    string Summary { get; }

    /// <summary>The engine settings that make up this variant (a new instance each call).</summary>
    EngineSettings CreateSettings();
}
