using Toolkit.Optimizations.StructOfArrays;
using Toolkit.Optimizations.Tests.Conformance;

namespace Toolkit.Optimizations.Tests.Optimized;

/// <summary>The optimized profile: what it composes and what it releases (conformance is <see cref="VariantConformanceTests"/>).</summary>
public sealed class OptimizedVariantTests
{
    [Fact]
    public void A_build_leaves_no_scanner_and_no_build_info()
    {
        var built = FeatureStores.Run(new OptimizedVariant(), 4, 6, 9).Build();
        Assert.True(built.Result.Succeeded, string.Join(" | ", built.Errors));
        Assert.Null(built.Project.Scanner);
        Assert.Equal(0, ((StructOfArraysNodeStore)built.Project.Graph.Store).HeldBuildInfoCount);
    }

    [Fact]
    public void The_profile_composes_the_struct_of_arrays_store_and_releases_the_scanner()
    {
        var settings = new OptimizedVariant().CreateSettings();
        Assert.True(settings.ReleaseScannerAfterLoad);
        Assert.IsType<StructOfArraysNodeStore>(settings.StoreFactory("/p"));
    }
}
