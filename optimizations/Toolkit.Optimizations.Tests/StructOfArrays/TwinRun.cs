using Toolkit.Engine.Actions;
using Toolkit.Engine.Build;

namespace Toolkit.Optimizations.Tests.StructOfArrays;

/// <summary>
/// The same generated project twice, one copy built with the baseline and one with a variant; every
/// step applies the same edit to both, opens both, checks the graphs answer alike, builds both with
/// one job, and checks the commands and the database bytes are equal.
/// </summary>
public sealed class TwinRun
{
    private readonly EngineSettings _variant;

    /// <summary>Generates both copies.</summary>
    public TwinRun(ProjectShape shape, EngineSettings variant)
    {
        Baseline = new GeneratedProject(shape);
        Variant = new GeneratedProject(shape);
        _variant = variant;
    }

    /// <summary>The copy built by the baseline.</summary>
    public GeneratedProject Baseline { get; }

    /// <summary>The copy built by the variant.</summary>
    public GeneratedProject Variant { get; }

    /// <summary>The variant's project from the last step.</summary>
    public Project LastVariantProject { get; private set; } = null!;

    /// <summary>Applies <paramref name="edit"/> to both copies, builds both; returns the commands that ran.</summary>
    public List<string> Step(Action<GeneratedProject> edit)
    {
        edit(Baseline);
        edit(Variant);
        var baseline = Open(Baseline, EngineSettings.Baseline, out var baselineReporter);
        var variant = Open(Variant, _variant, out var variantReporter);
        LastVariantProject = variant;
        StoreAssert.SameGraph(baseline.Graph.Store, variant.Graph.Store);
        Assert.Equal(baseline.Graph.DefaultTargets, variant.Graph.DefaultTargets);
        Assert.Equal(baseline.DatabaseStatus, variant.DatabaseStatus);

        var baselineResult = baseline.Build(null, new BuildOptions { Jobs = 1 }, new BuiltinToolExecutor());
        var variantResult = variant.Build(null, new BuildOptions { Jobs = 1 }, new BuiltinToolExecutor());
        Assert.Equal(baselineReporter.Commands, variantReporter.Commands);
        Assert.Equal(baselineReporter.Errors, variantReporter.Errors);
        Assert.Equal(baselineResult.Executed, variantResult.Executed);
        Assert.Equal(baselineResult.UpToDate, variantResult.UpToDate);
        Assert.Equal(baselineResult.Failed, variantResult.Failed);
        Assert.Equal(
            Baseline.Files.ReadAllBytes(Project.DatabaseFileName),
            Variant.Files.ReadAllBytes(Project.DatabaseFileName));
        Assert.Equal(Baseline.Files.Paths, Variant.Files.Paths);
        return variantReporter.Commands;
    }

    private static Project Open(GeneratedProject project, EngineSettings settings, out NullBuildReporter reporter)
    {
        reporter = new NullBuildReporter();
        return Project.Open(new StringReader(project.Manifest()), "generated.manifest", project.Files, "/project", settings, reporter);
    }
}
