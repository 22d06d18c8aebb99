using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Baseline;

namespace Toolkit.Optimizations.Tests.Shared;

/// <summary>
/// What every node-store variant's tests share: the conformance theory against the baseline over
/// <see cref="VariantConformance.Shapes"/>, and opening a generated project with the variant (alone or
/// next to the baseline) to look at its store. A variant's test class derives from it and adds the
/// checks of its own dimension.
/// </summary>
/// <typeparam name="TVariant">The variant under test.</typeparam>
/// <typeparam name="TStore">The store class the variant makes.</typeparam>
public abstract class VariantStoreTests<TVariant, TStore>
    where TVariant : IMemoryVariant, new()
    where TStore : class, INodeStore
{
    /// <summary>False for a variant that releases build info the baseline keeps.</summary>
    protected virtual bool ComparesBuildInfo => true;

    [Theory]
    [MemberData(nameof(VariantConformance.Shapes), MemberType = typeof(VariantConformance))]
    public void Answers_and_builds_as_the_baseline(int directories, int sources, int seed) =>
        VariantConformance.Check(new GeneratedProject(directories, sources, seed), new TVariant().CreateSettings, ComparesBuildInfo);

    /// <summary>A generated project set up to run with the variant.</summary>
    private protected static ProjectRun Run(int directories, int sources, int seed) =>
        new(new GeneratedProject(directories, sources, seed), new TVariant().CreateSettings());

    /// <summary>The variant's store for a generated project, loaded and not built.</summary>
    private protected static TStore Open(int directories, int sources, int seed) => (TStore)Run(directories, sources, seed).Open().Graph.Store;

    /// <summary>The baseline's and the variant's stores for the same generated project, loaded and not built.</summary>
    private protected static (BaselineNodeStore Baseline, TStore Variant) OpenBoth(int directories, int sources, int seed)
    {
        var baseline = new ProjectRun(new GeneratedProject(directories, sources, seed), new BaselineVariant().CreateSettings());
        return ((BaselineNodeStore)baseline.Open().Graph.Store, Open(directories, sources, seed));
    }
}
