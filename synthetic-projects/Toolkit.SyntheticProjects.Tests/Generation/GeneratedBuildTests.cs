using Toolkit.Engine.Actions;
using Toolkit.Engine.Build;
using Toolkit.Engine.Graph;
using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.SyntheticProjects.Tests.Generation;

/// <summary>The generator and the engine together: what is generated is what the engine loads and builds.</summary>
public sealed class GeneratedBuildTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_engine_loads_exactly_the_generated_graph()
    {
        var options = new GeneratorOptions(ProjectShape.CLibraries, 300, 7, _temp.Path);
        var result = ProjectGenerator.Generate(options);
        var model = ModelGraph.Of(ProjectPlan.Create(options));

        var project = Open();
        var store = project.Graph.Store;

        Assert.Equal(result.Nodes, store.Count);
        Assert.Equal(result.Edges, project.Graph.CountEdges());
        var engineEdges = new HashSet<(string, string)>();
        for (var node = 0; node < store.Count; node++)
        {
            if (store.GetKind(node) == NodeKind.Alias)
            {
                continue;
            }

            foreach (var kind in (EdgeKind[])[EdgeKind.Sources, EdgeKind.Depends, EdgeKind.Implicit])
            {
                foreach (var dependency in project.Graph.GetEdges(node, kind))
                {
                    engineEdges.Add((store.GetPath(node), store.GetPath(dependency)));
                }
            }
        }

        Assert.Empty(model.Edges.Except(engineEdges));
        Assert.Empty(engineEdges.Except(model.Edges));
    }

    [Fact]
    public void Build_then_null_build_then_a_shared_header_edit_rebuilds_exactly_its_dependents()
    {
        var options = new GeneratorOptions(ProjectShape.CLibraries, 300, 11, _temp.Path);
        var result = ProjectGenerator.Generate(options);
        var plan = ProjectPlan.Create(options);
        var model = ModelGraph.Of(plan);

        var first = Build();
        Assert.True(first.Result.Succeeded);
        Assert.Equal(result.DerivedFiles, first.Result.Executed);

        var second = Build();
        Assert.Equal(0, second.Result.Executed);

        // Touch without change: nothing rebuilds.
        var someSource = model.Sources.Order(StringComparer.Ordinal).First();
        File.SetLastWriteTimeUtc(Path.Join(_temp.Path, someSource), DateTime.UtcNow.AddMinutes(5));
        Assert.Equal(0, Build().Result.Executed);

        // Edit one shared header: every derived file that depends on it, directly or through other
        // headers and objects (the generator's model says which), rebuilds, and nothing else.
        var header = plan.SharedHeaders[0].Path;
        File.AppendAllText(Path.Join(_temp.Path, header), "/* edited */\n");
        var edited = Build();

        var expected = Dependents(model, header);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(StringComparer.Ordinal), edited.Rebuilt.Order(StringComparer.Ordinal));
        Assert.True(expected.Count < result.DerivedFiles, "the edit should not rebuild everything");
    }

    private static HashSet<string> Dependents(ModelGraph model, string changed)
    {
        var dependents = new HashSet<string>(StringComparer.Ordinal);
        var frontier = new Queue<string>([changed]);
        while (frontier.Count > 0)
        {
            var current = frontier.Dequeue();
            foreach (var (target, dependency) in model.Edges)
            {
                if (dependency == current && dependents.Add(target))
                {
                    frontier.Enqueue(target);
                }
            }
        }

        return dependents;
    }

    private Project Open() => Project.Open(_temp.Path, EngineSettings.Baseline, new NullBuildReporter { KeepCommands = false });

    private (BuildResult Result, List<string> Rebuilt) Build()
    {
        var project = Open();
        var result = project.Build(null, new BuildOptions { Jobs = 2 }, new BuiltinToolExecutor());
        var store = project.Graph.Store;
        var rebuilt = Enumerable.Range(0, store.Count)
            .Where(n => store.GetExecutor(n) >= 0 && store.GetState(n) == NodeState.Executed)
            .Select(store.GetPath)
            .ToList();
        return (result, rebuilt);
    }
}
