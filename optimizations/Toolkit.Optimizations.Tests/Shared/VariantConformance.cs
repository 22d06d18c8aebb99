using Toolkit.Engine.Build;

namespace Toolkit.Optimizations.Tests.Shared;

/// <summary>
/// Runs one generated project with the baseline and with a variant through the same sequence (full build,
/// no-op build, edit a header, touch a source, delete an output, add a source) and asserts after each step
/// that the graphs answer alike, the same commands ran, the per-node state and info agree and the saved
/// signature databases are byte-identical.
/// </summary>
internal static class VariantConformance
{
    /// <summary>The sizes and seeds every variant is checked with: (directories, sources per directory, seed).</summary>
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 },
        { 2, 5, 7 },
        { 4, 12, 42 },
        { 7, 30, 1234 },
    };

    public static void Check(GeneratedProject shape, Func<EngineSettings> variant, bool compareBuildInfo = true)
    {
        var baseline = new ProjectRun(shape, new BaselineVariant().CreateSettings());
        var other = new ProjectRun(new GeneratedProject(shape.Directories, shape.SourcesPerDirectory, shape.Seed), variant());

        GraphAssert.SameGraph(baseline.Open().Graph.Store, other.Open().Graph.Store);
        Assert.True(Step(baseline, other, "full build", compareBuildInfo) > 0, "the full build ran nothing");
        Assert.Equal(0, Step(baseline, other, "no-op build", compareBuildInfo));

        Edit(baseline, other, run => run.Files.WriteText($"{shape.Directory(0)}/h0.h", "#pragma once\nint h0(void); /* edited */\n"));
        Assert.True(Step(baseline, other, "after editing a header", compareBuildInfo) > 0, "editing a header rebuilt nothing");

        Edit(baseline, other, run => run.Files.Touch(shape.Source(shape.Directories - 1, 0)));
        Step(baseline, other, "after touching a source", compareBuildInfo);

        Edit(baseline, other, run => run.Files.Delete($"{shape.Directory(0)}/lib{shape.Directory(0)}.a"));
        Assert.True(Step(baseline, other, "after deleting an output", compareBuildInfo) > 0, "deleting an output rebuilt nothing");

        Edit(baseline, other, run => run.Generated.AddSource(run.Files));
        Assert.True(Step(baseline, other, "after adding a source", compareBuildInfo) > 0, "adding a source built nothing");
    }

    private static void Edit(ProjectRun baseline, ProjectRun other, Action<ProjectRun> edit)
    {
        edit(baseline);
        edit(other);
    }

    /// <summary>Builds both, compares, returns how many commands ran.</summary>
    private static int Step(ProjectRun baseline, ProjectRun other, string step, bool compareBuildInfo)
    {
        var (expectedProject, expectedCommands) = baseline.Build();
        var (actualProject, actualCommands) = other.Build();
        Assert.True(expectedCommands.SequenceEqual(actualCommands), $"{other.Settings.VariantName}, {step}: the commands differ");
        GraphAssert.SameGraph(expectedProject.Graph.Store, actualProject.Graph.Store);
        GraphAssert.SameBuildState(expectedProject.Graph.Store, actualProject.Graph.Store, compareBuildInfo);
        Assert.True(baseline.Database().AsSpan().SequenceEqual(other.Database()), $"{other.Settings.VariantName}, {step}: the databases differ");
        return expectedCommands.Count;
    }
}
