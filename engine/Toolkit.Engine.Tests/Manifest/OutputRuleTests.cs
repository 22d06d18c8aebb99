using Toolkit.Engine.Graph;
using Toolkit.Engine.Tests.Build;

namespace Toolkit.Engine.Tests.Manifest;

/// <summary>
/// issue 10, item 3: an output that would overwrite or (through clean) delete a file that is not
/// the build's is refused at load, naming the line; and item 11: an alias used before it is defined
/// is named for what it is.
/// </summary>
public sealed class OutputRuleTests
{
    [Theory]
    [InlineData("build t.manifest: Copy a.c", 2, "'t.manifest' is the manifest itself and cannot be a target")]
    [InlineData("build a.o: Object a.c\n  side-effects = t.manifest", 2, "'t.manifest' is the manifest itself and cannot be a side effect")]
    [InlineData("build .toolkit.sigdb: Copy a.c", 2, "'.toolkit.sigdb' is a file the engine keeps")]
    [InlineData("build .toolkit.lock: Copy a.c", 2, "'.toolkit.lock' is a file the engine keeps")]
    [InlineData("build a.o.toolkit-tmp.12.1: Copy a.c", 2, "is a file the engine keeps")]
    [InlineData("build a.o: Object a.c\n  side-effects = a.c", 2, "side effect 'a.c' is an input of this or an earlier statement")]
    [InlineData("build b.o: Object b.c\nbuild a.o: Object a.c\n  side-effects = b.c", 3, "side effect 'b.c' is an input of this or an earlier statement")]
    [InlineData("build a.o: Object a.c\n  side-effects = a.log\nbuild r.txt: Copy a.log", 4, "'a.log' is a side effect of the statement on line 2 and cannot be an input")]
    [InlineData("build a.o: Object a.c\n  side-effects = a.log\nbuild a.log: Copy x", 4, "'a.log' is a side effect of the statement on line 2 and cannot also be a target")]
    [InlineData("build a.log: Copy x\nbuild a.o: Object a.c\n  side-effects = a.log", 3, "side effect 'a.log' is built by the statement on line 2")]
    [InlineData("build d/a.o: Object a.c\nbuild b.o: Object b.c\n  side-effects = d", 3, "side effect 'd' is a directory or an alias")]
    [InlineData("build a.o a.o: Object a.c", 2, "'a.o' is named twice as a target of this statement")]
    public void Outputs_that_are_not_the_build_s_to_write_are_refused_with_their_line(string body, int line, string problem)
    {
        var error = ManifestText.Error("toolkit-manifest 2\n" + body + "\nend\n");
        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_in_a_subdirectory_of_its_root_is_protected_by_its_relative_path()
    {
        var error = Assert.Throws<Engine.Manifest.ManifestException>(() => Engine.Manifest.GraphLoader.Load(
            new StringReader("toolkit-manifest 2\nroot ..\nbuild build/toolkit.manifest: Copy a.c\nend\n"),
            "toolkit.manifest",
            "/repo/build",
            (root, environments) => new BuildGraph(new Graph.Baseline.BaselineNodeStore(root), environments, root, "toolkit.manifest")));
        Assert.Contains("is the manifest itself", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shared_side_effect_and_a_side_effect_with_a_later_target_load()
    {
        var graph = ManifestText.Load("toolkit-manifest 2\nbuild a.o: Object a.c\n  side-effects = shared.log\nbuild b.o: Object b.c\n  side-effects = shared.log\nend\n");
        Assert.Equal(NodeKind.DerivedFile, graph.Store.GetKind(graph.Store.FindNode("shared.log")));
    }

    [Fact]
    public void Clean_deletes_outputs_but_never_a_source()
    {
        var project = new TestProject("toolkit-manifest 2\nbuild a.o: Object a.c\n  side-effects = a.log\nend\n");
        project.Files.WriteText("a.c", "int a;\n");
        project.Files.WriteText("a.log", "log");
        project.Build();

        var removed = project.Open().Clean();

        Assert.Equal(2, removed);
        Assert.Equal(["a.c"], project.Files.Paths);
    }

    [Theory]
    [InlineData("build x.txt: Copy all\nalias all: y.txt", 3, "alias 'all' is defined after a statement that names it, where it was taken for a file")]
    [InlineData("build all: Copy y.txt\nalias all: y.txt", 3, "alias 'all' has the name of a target built on line 2")]
    [InlineData("alias all: y.txt\nalias all: z.txt", 3, "alias 'all' is defined twice")]
    [InlineData("build d/a.o: Object a.c\nalias d: d/a.o", 3, "alias 'd' has the name of a directory")]
    public void An_alias_is_refused_for_what_its_name_already_is(string body, int line, string problem)
    {
        var error = ManifestText.Error("toolkit-manifest 2\n" + body + "\nend\n");
        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_build_statement_s_line_is_kept_for_later_errors()
    {
        var graph = ManifestText.Load("toolkit-manifest 2\n# c\nbuild a.o: Object a.c\n\nbuild b.o c.o: Object b.c\nend\n");
        var store = graph.Store;
        Assert.Equal(3, graph.Lines.OfExecutor(store.GetExecutor(store.FindNode("a.o"))));
        Assert.Equal(5, graph.Lines.OfExecutor(store.GetExecutor(store.FindNode("c.o"))));
        Assert.Equal("t.manifest:5", graph.Lines.Where(store.GetExecutor(store.FindNode("b.o"))));
    }
}
