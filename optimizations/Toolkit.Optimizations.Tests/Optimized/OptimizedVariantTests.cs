using Toolkit.Optimizations.StructOfArrays;
using Toolkit.Optimizations.Tests.StructOfArrays;

namespace Toolkit.Optimizations.Tests.Optimized;

/// <summary>The optimized profile: builds like the baseline, uses the struct-of-arrays store, drops the scanner after loading.</summary>
public sealed class OptimizedVariantTests
{
    [Fact]
    public void Optimized_builds_like_the_baseline_through_edits()
    {
        var run = new TwinRun(new ProjectShape(4, 6, 9, 3, true), new OptimizedVariant().CreateSettings());
        Assert.NotEmpty(run.Step(_ => { }));
        Assert.Empty(run.Step(_ => { }));
        Assert.NotEmpty(run.Step(p => p.Files.WriteText(p.Header(1, 1), "#pragma once\n#include <shared2.h>\n")));
        Assert.NotEmpty(run.Step(p => p.AddSource(2, "new_one")));
        Assert.Null(run.LastVariantProject.Scanner);
    }

    [Fact]
    public void The_profile_composes_the_struct_of_arrays_store_and_releases_the_scanner()
    {
        var settings = new OptimizedVariant().CreateSettings();
        Assert.Equal("optimized", settings.VariantName);
        Assert.True(settings.ReleaseScannerAfterLoad);
        Assert.IsType<StructOfArraysNodeStore>(settings.StoreFactory("/p"));
    }
}
