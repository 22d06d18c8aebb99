using Toolkit.Engine.Build;
using Toolkit.Engine.Graph.Stores;

namespace Toolkit.Optimizations.Tests.Conformance;

/// <summary>A variant's store for a <see cref="FeatureProject"/>, for the tests of one variant's own dimension.</summary>
internal static class FeatureStores
{
    /// <summary>The run of <paramref name="variant"/> on a feature project (root "/conformance"), not yet opened.</summary>
    public static ConformanceRun Run(IMemoryVariant variant, int directories, int sources, int seed) =>
        new(variant, new FeatureProject(directories, sources, seed).Tree());

    /// <summary>The variant's store for a feature project, loaded and not built.</summary>
    public static TStore Open<TStore>(IMemoryVariant variant, int directories, int sources, int seed)
        where TStore : NodeStore =>
        (TStore)Run(variant, directories, sources, seed).Open(new NullBuildReporter()).Graph.Store;
}
