using Toolkit.SyntheticProjects.Generation;
using Toolkit.SyntheticProjects.Tests.Generation;

namespace Toolkit.SyntheticProjects.Tests.Peers;

/// <summary>
/// Each build description the generator writes (manifest, Makefile, build.ninja, SConstruct),
/// parsed back, describes exactly the model's graph: the same targets, sources, explicit
/// dependencies and header dependencies (listed for Make and Ninja, scanned from the files on
/// disk along CPPPATH for the manifest and SCons).
/// </summary>
public sealed class PeerGraphTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public static TheoryData<ProjectShape, int, int> Projects => new()
    {
        { ProjectShape.CLibraries, 250, 0 },
        { ProjectShape.CLibraries, 10, 1 },
        { ProjectShape.DeepChain, 120, 0 },
        { ProjectShape.WideFanin, 150, 0 },
    };

    [Theory]
    [MemberData(nameof(Projects))]
    public void Makefile_lists_the_models_edges_with_headers(ProjectShape shape, int sources, int large)
    {
        var (root, model) = Generate(shape, sources, large);
        var graph = MakefileTestParser.Parse(Path.Combine(root, "Makefile"));
        AssertSameSet(model.Derived, graph.Builders.Keys, "Makefile targets");
        AssertSameSet(model.Edges, graph.Edges, "Makefile edges");
        AssertSameSet(ModelNodes(model), EdgeNodes(graph.Edges), "Makefile nodes");
        Assert.Equal(["bin/app"], graph.Aliases["all"]);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Ninja_lists_the_models_edges_with_headers(ProjectShape shape, int sources, int large)
    {
        var (root, model) = Generate(shape, sources, large);
        var graph = NinjaTestParser.Parse(Path.Combine(root, "build.ninja"));
        AssertSameSet(model.Derived, graph.Builders.Keys, "ninja targets");
        AssertSameSet(model.Edges, graph.Edges, "ninja edges");
        AssertSameSet(ModelNodes(model), EdgeNodes(graph.Edges), "ninja nodes");
        Assert.Equal(["bin/app"], graph.Aliases["all"]);
        Assert.Equal(["bin/app"], graph.Defaults);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Manifest_lists_the_models_targets_and_scanning_finds_its_headers(ProjectShape shape, int sources, int large)
    {
        var (root, model) = Generate(shape, sources, large);
        var graph = ManifestTestParser.Parse(Path.Combine(root, "toolkit.manifest"));
        AssertSameSet(model.Derived, graph.Builders.Keys, "manifest targets");
        AssertSameSet(model.ListedEdges, graph.Edges, "manifest edges");
        Assert.Equal(["bin/app"], graph.Aliases["all"]);
        Assert.Equal(["bin/app"], graph.Defaults);
        AssertScannedHeaders(root, model, graph);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void SConstruct_lists_the_models_targets_and_scanning_finds_its_headers(ProjectShape shape, int sources, int large)
    {
        var (root, model) = Generate(shape, sources, large);
        var graph = SConstructTestParser.Parse(Path.Combine(root, "SConstruct"));
        AssertSameSet(model.Derived, graph.Builders.Keys, "SConstruct targets");
        AssertSameSet(model.ListedEdges, graph.Edges, "SConstruct edges");
        Assert.Contains("all", graph.Aliases.Keys);
        AssertScannedHeaders(root, model, graph);
    }

    [Fact]
    public void Real_tools_are_noted_in_the_manifest_only_when_asked()
    {
        var real = ProjectGenerator.Generate(new GeneratorOptions(ProjectShape.CLibraries, 10, 1, _temp.Sub("real"), RealTools: true));
        var plain = ProjectGenerator.Generate(new GeneratorOptions(ProjectShape.CLibraries, 10, 1, _temp.Sub("plain")));
        Assert.Equal(["real"], ManifestTestParser.Parse(Path.Combine(_temp.Sub("real"), "toolkit.manifest")).Aliases["$TOOLKIT_TOOLS"]);
        Assert.DoesNotContain("$TOOLKIT_TOOLS", ManifestTestParser.Parse(Path.Combine(_temp.Sub("plain"), "toolkit.manifest")).Aliases.Keys);
        Assert.Equal(real.Counts, plain.Counts);
    }

    public void Dispose() => _temp.Dispose();

    private (string Root, ModelGraph Model) Generate(ProjectShape shape, int sources, int large)
    {
        var options = new GeneratorOptions(shape, sources, 7, _temp.Path, large);
        ProjectGenerator.Generate(options);
        return (_temp.Path, ModelGraph.Of(ProjectPlan.Create(options)));
    }

    private static void AssertScannedHeaders(string root, ModelGraph model, ParsedGraph graph)
    {
        var scanner = new IncludeScanner(root);
        var nodes = EdgeNodes(graph.Edges);
        foreach (var (target, headers) in model.HeadersOf)
        {
            Assert.Equal(model.IncludePathOf[target], graph.IncludePathOf[target]);
            var source = graph.Edges.Single(e => e.Target == target).Dependency;
            var scanned = scanner.Closure(source, graph.IncludePathOf[target]);
            AssertSameSet(headers, scanned, $"headers of {target}");
            nodes.UnionWith(scanned);
        }

        AssertSameSet(ModelNodes(model), nodes, "nodes (listed and scanned)");
    }

    private static HashSet<string> ModelNodes(ModelGraph model) => [.. model.Sources, .. model.Headers, .. model.Derived];

    private static HashSet<string> EdgeNodes(IEnumerable<(string Target, string Dependency)> edges) =>
        edges.SelectMany(e => new[] { e.Target, e.Dependency }).ToHashSet(StringComparer.Ordinal);

    private static void AssertSameSet<T>(IEnumerable<T> expected, IEnumerable<T> actual, string what)
    {
        var want = expected.ToHashSet();
        var got = actual.ToHashSet();
        var missing = want.Except(got).Take(5).ToList();
        var extra = got.Except(want).Take(5).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0, $"{what}: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", extra)}]");
    }
}
