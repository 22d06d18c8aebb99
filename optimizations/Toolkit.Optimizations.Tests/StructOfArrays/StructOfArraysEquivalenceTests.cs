using Toolkit.Engine.Build;

namespace Toolkit.Optimizations.Tests.StructOfArrays;

/// <summary>
/// The struct-of-arrays store against the baseline on generated projects of several sizes, seeds and
/// depths, with and without non-ASCII names: every graph query, every build's commands and results,
/// and the database bytes must be equal through a sequence of edits.
/// </summary>
public sealed class StructOfArraysEquivalenceTests
{
    public static TheoryData<int, int, int, int, bool> Shapes => new()
    {
        { 1, 1, 1, 1, false },
        { 3, 4, 2, 2, true },
        { 6, 10, 3, 4, false },
        { 12, 9, 4, 12, true },
        { 25, 16, 5, 3, true },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Struct_of_arrays_builds_like_the_baseline_through_edits(int directories, int sources, int seed, int depth, bool unicode)
    {
        var run = new TwinRun(new ProjectShape(directories, sources, seed, depth, unicode), new StructOfArraysVariant().CreateSettings());
        var last = directories - 1;

        Assert.NotEmpty(run.Step(_ => { }));
        Assert.Empty(run.Step(_ => { }));
        Assert.NotEmpty(run.Step(p => p.Files.WriteText(p.IncludedHeader(last), "#pragma once\nint changed(void);\n")));
        Assert.Empty(run.Step(p => p.Files.Touch(p.Source(last, 0))));
        Assert.Single(run.Step(p => p.Files.Delete(p.Object(0, 0))), c => c.Contains("-c", StringComparison.Ordinal));
        Assert.NotEmpty(run.Step(p => p.AddSource(0, "added_ü")));
        Assert.NotEmpty(run.Step(p => p.Files.WriteText(p.Spec(0), "spec changed\n")));
        run.Step(p => p.Files.WriteText(p.Source(0, 0), "#error broken on purpose\n"));
        Assert.NotEmpty(run.Step(p => p.Files.WriteText(p.Source(0, 0), "int fixed(void) { return 1; }\n")));
        Assert.Empty(run.Step(_ => { }));
    }

    [Fact]
    public void A_parallel_build_writes_the_same_database_as_one_job()
    {
        var shape = new ProjectShape(10, 12, 21, 3, true);
        var settings = new StructOfArraysVariant().CreateSettings();
        var serial = Build(new GeneratedProject(shape), settings, jobs: 1);
        var parallel = Build(new GeneratedProject(shape), settings, jobs: 4);

        // Stamps come from the memory file system's logical clock, which counts writes in the order
        // the workers make them; everything else (paths, signatures, sizes) must be equal.
        Assert.Equal(serial.Select(e => e.Path), parallel.Select(e => e.Path));
        Assert.Equal(serial.Select(e => e.Content), parallel.Select(e => e.Content));
        Assert.Equal(serial.Select(e => e.Build), parallel.Select(e => e.Build));
        Assert.Equal(serial.Select(e => e.Size), parallel.Select(e => e.Size));
    }

    private static List<(string Path, string Content, string Build, long Size)> Build(GeneratedProject project, EngineSettings settings, int jobs)
    {
        var reporter = new NullBuildReporter();
        var opened = Project.Open(new StringReader(project.Manifest()), "generated.manifest", project.Files, "/project", settings, reporter);
        var result = opened.Build(null, new BuildOptions { Jobs = jobs }, new Toolkit.Engine.Actions.BuiltinToolExecutor());
        Assert.True(result.Succeeded, string.Join('\n', reporter.Errors));
        Assert.True(result.Executed > 100, $"only {result.Executed} actions ran");
        var store = (Toolkit.Optimizations.StructOfArrays.StructOfArraysNodeStore)opened.Graph.Store;
        Assert.Equal(0, store.HeldBuildInfoCount);
        var loaded = Toolkit.Engine.Database.SignatureDatabase.Load(project.Files, Project.DatabaseFileName);
        return loaded.Database.Entries
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => (e.Key, e.Value.ContentSignature.ToHex(), e.Value.BuildSignature.ToHex(), e.Value.Stamp.Size))
            .ToList();
    }
}
