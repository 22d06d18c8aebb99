using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.SyntheticProjects.Tests.Generation;

/// <summary>Each shape has the structure it is meant to stress.</summary>
public sealed class ShapeTests
{
    [Fact]
    public void C_libraries_have_a_library_per_directory_and_includes_as_described()
    {
        var plan = ProjectPlan.Create(new GeneratorOptions(ProjectShape.CLibraries, 500, 3, "unused"));
        Assert.Equal(5, plan.DirectoryCount);
        Assert.Equal(ProjectPlan.SharedHeaderCount, plan.SharedHeaders.Count);
        var transitive = 0;
        var functions = new HashSet<string>(StringComparer.Ordinal);
        for (var d = 0; d < plan.DirectoryCount; d++)
        {
            var directory = plan.PlanDirectory(d);
            Assert.Equal(ProjectPlan.SourcesPerDirectory, directory.Sources.Count);
            Assert.Equal(10, directory.Headers.Count);
            Assert.Equal($"{directory.Name}/lib{directory.Name}.a", directory.LibraryPath);
            Assert.StartsWith("lib_", directory.Name, StringComparison.Ordinal);
            foreach (var source in directory.Sources)
            {
                Assert.InRange(source.LocalIncludes.Count, 3, 5);
                Assert.InRange(source.SharedIncludes.Count, 1, 2);
                Assert.All(source.Functions, f => Assert.True(functions.Add(f), $"{f} is defined twice"));
                transitive += source.HeaderDependencies.Count > source.LocalIncludes.Count + source.SharedIncludes.Count ? 1 : 0;
            }
        }

        Assert.True(transitive > 0, "no source reaches a shared header only through a local header");
        Assert.Equal(1 + plan.DirectoryCount, plan.PlanProgram().LinkInputs.Count);
    }

    [Fact]
    public void Deep_chain_has_a_longest_path_of_about_n_over_10()
    {
        var options = new GeneratorOptions(ProjectShape.DeepChain, 400, 3, "unused");
        var model = ModelGraph.Of(ProjectPlan.Create(options));
        var longest = LongestPath(model, "bin/app");
        // bin/app -> 40 chained libraries -> an object -> its source: 40 + 2 edges at least.
        Assert.InRange(longest, (options.Sources / 10) + 2, (options.Sources / 10) + 3);
        Assert.Equal(ProjectPlan.HeaderChainDepth, model.Headers.Count(h => h.StartsWith("include/", StringComparison.Ordinal)));
        Assert.Contains(model.HeadersOf.Values, h => h.Count > ProjectPlan.HeaderChainDepth / 2);
    }

    [Fact]
    public void Wide_fanin_links_every_object_into_the_program_and_shares_its_headers()
    {
        var options = new GeneratorOptions(ProjectShape.WideFanin, 300, 3, "unused");
        var model = ModelGraph.Of(ProjectPlan.Create(options));
        Assert.Equal(options.Sources + 1, model.Edges.Count(e => e.Target == "bin/app"));
        Assert.DoesNotContain(model.Derived, d => d.EndsWith(".a", StringComparison.Ordinal));
        foreach (var header in model.Headers)
        {
            Assert.Equal(options.Sources + 1, model.Edges.Count(e => e.Dependency == header) + (model.HeadersOf["bin/app.o"].Contains(header) ? 0 : 1));
        }
    }

    private static int LongestPath(ModelGraph model, string from)
    {
        var dependencies = model.Edges.ToLookup(e => e.Target, e => e.Dependency);
        var memo = new Dictionary<string, int>(StringComparer.Ordinal);
        int Depth(string node)
        {
            if (memo.TryGetValue(node, out var known))
            {
                return known;
            }

            var depth = dependencies[node].Select(d => 1 + Depth(d)).DefaultIfEmpty(0).Max();
            memo[node] = depth;
            return depth;
        }

        return Depth(from);
    }
}
