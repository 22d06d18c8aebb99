using Toolkit.Engine.Build;

namespace Toolkit.Optimizations;

/// <summary>
/// A named memory strategy, selectable with <c>--variant NAME</c>: everything the toolkit knows of one
/// variant, in one place. A variant is a set of choices at the engine's seams (<see cref="EngineSettings"/>:
/// the node store, the hasher, the scan cache, what is released when); node-storage variants give their
/// own store, the others plug in elsewhere. Its name, summary and page prose live here and nowhere else:
/// the CLI, the scale runs, the pages and the conformance suite all read them from the
/// <see cref="VariantFactory"/> that lists the variant.
/// </summary>
public interface IMemoryVariant
{
    /// <summary>The name used on the command line and in results ("baseline", "slots", ...): lowercase letters, digits and '-'.</summary>
    string Name { get; }

    /// <summary>One paragraph: what the variant saves and what it costs.</summary>
    string Summary { get; }

    /// <summary>The prose of the variant's recommendation page, or null for a variant without one (the baseline).</summary>
    TechniqueDescription? Technique { get; }

    /// <summary>The engine settings that make up this variant (a new instance each call).</summary>
    EngineSettings CreateSettings();
}
