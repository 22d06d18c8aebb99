using Toolkit.SyntheticProjects.Generation;
using Toolkit.SyntheticProjects.Ninja;
using Toolkit.SyntheticProjects.Tests.Generation;
using Toolkit.SyntheticProjects.Tests.MsBuild;

namespace Toolkit.SyntheticProjects.Tests.Ninja;

/// <summary>
/// The generator writes build.ninja beside its manifest; imported, it must give the manifest's graph:
/// the same targets and the same (target, prerequisite) pairs, headers included (ModelGraph is the
/// manifest's graph, scanned headers included, as PeerGraphTests prove).
/// </summary>
public sealed class NinjaRoundTripTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public static TheoryData<ProjectShape, int> Projects() => new()
    {
        { ProjectShape.CLibraries, 60 },
        { ProjectShape.DeepChain, 40 },
        { ProjectShape.WideFanin, 50 },
    };

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_generated_build_ninja_imports_to_the_generated_manifests_graph(ProjectShape shape, int sources)
    {
        var options = new GeneratorOptions(shape, sources, 5, _temp.Sub("project"));
        ProjectGenerator.Generate(options);
        var model = ModelGraph.Of(ProjectPlan.Create(options));

        var result = NinjaImporter.Import(_temp.Sub("project/build.ninja"), _temp.Sub("imported"));
        var manifest = ParsedManifest.Read(result.ManifestPath);

        Assert.Equal(model.Derived.Order(StringComparer.Ordinal), manifest.Builds.SelectMany(b => b.Targets).Order(StringComparer.Ordinal));
        var edges = manifest.Builds.SelectMany(b => b.Sources.Concat(b.Depends).Concat(b.OrderOnly).Select(d => (b.Targets[0], d))).ToHashSet();
        Assert.True(model.Edges.SetEquals(edges), $"missing [{string.Join(", ", model.Edges.Except(edges).Take(5))}], unexpected [{string.Join(", ", edges.Except(model.Edges).Take(5))}]");
        Assert.Equal(["bin/app"], manifest.Aliases["all"]);
        Assert.Equal(["bin/app"], manifest.Defaults);
        Assert.Equal(Path.GetFullPath(_temp.Sub("project")), result.RootDirectory);
    }

    public void Dispose() => _temp.Dispose();
}
