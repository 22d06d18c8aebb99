using Toolkit.Engine.Environments;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Baseline;
using Toolkit.Engine.Manifest;

namespace Toolkit.Engine.Tests.Manifest;

public sealed class ManifestErrorTests
{
    [Theory]
    [InlineData("build a.o Object a.c", 2, "needs ':'")]
    [InlineData("build a.o: Compile a.c", 2, "unknown builder 'Compile'")]
    [InlineData("frobnicate x", 2, "unknown statement 'frobnicate'")]
    [InlineData("use nowhere", 2, "undefined environment 'nowhere'")]
    [InlineData("build a.o: Object a.c\nbuild a.o: Object b.c", 3, "'a.o' is already built by the statement on line 2")]
    [InlineData("  CFLAGS = -g", 2, "must belong to an 'env' or 'build'")]
    [InlineData("build a.o: Object a.c b.c", 2, "Object builds one object from one source")]
    [InlineData("build ../a.o: Copy a.c", 2, "not normalized")]
    [InlineData("default nothing", 2, "default target 'nothing'")]
    [InlineData("env e : missing", 2, "undefined parent 'missing'")]
    [InlineData("build a.o:", 2, "needs a builder")]
    public void Errors_name_the_file_and_the_line(string body, int line, string problem)
    {
        var error = Assert.Throws<ManifestException>(() => Load("toolkit-manifest 2\n" + body + "\nend\n"));

        Assert.Equal("bad.manifest", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"bad.manifest:{line}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_version_is_refused_by_number()
    {
        var error = Assert.Throws<ManifestException>(() => Load("toolkit-manifest 7\n"));
        Assert.Contains("unsupported manifest version 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_manifest_is_refused()
    {
        var error = Assert.Throws<ManifestException>(() => Load("all: app\n\tcc -o app app.c\n"));
        Assert.Equal(1, error.Line);
        Assert.Contains("not a toolkit manifest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_documented_example_loads_into_the_expected_graph()
    {
        var graph = Load("""
            toolkit-manifest 2
            # comment
            CFLAGS = -O2
            CPPPATH = include

            env lib_alpha
              CPPPATH = lib_alpha include

            use lib_alpha
            build lib_alpha/parse.o: Object lib_alpha/parse.c
            build lib_alpha/index.o: Object lib_alpha/index.c
            build lib_alpha/liblib_alpha.a: Library lib_alpha/parse.o lib_alpha/index.o

            use default
            build bin/app.o: Object bin/main.c
            build bin/app: Program bin/app.o lib_alpha/liblib_alpha.a | extra.dep || order.only
              LINKFLAGS = -s
              ignore = extra.dep
              side-effects = bin/app.map
            alias all: bin/app
            default bin/app
            end
            """);
        var store = graph.Store;
        var app = store.FindNode("bin/app");
        Assert.Equal(NodeKind.Program, store.GetKind(app));
        Assert.Equal(["bin/app.o", "lib_alpha/liblib_alpha.a"], graph.GetEdges(app, EdgeKind.Sources).Select(store.GetPath));
        Assert.Equal(["extra.dep"], graph.GetEdges(app, EdgeKind.Depends).Select(store.GetPath));
        Assert.Equal(["order.only"], graph.GetEdges(app, EdgeKind.OrderOnly).Select(store.GetPath));
        Assert.Equal(["extra.dep"], graph.GetEdges(app, EdgeKind.Ignored).Select(store.GetPath));
        Assert.Equal(["bin/app.map"], graph.GetEdges(app, EdgeKind.SideEffects).Select(store.GetPath));
        Assert.Equal(NodeKind.Library, store.GetKind(store.FindNode("lib_alpha/liblib_alpha.a")));
        Assert.Equal(NodeKind.Alias, store.GetKind(store.FindNode("all")));
        Assert.Equal([app], graph.DefaultTargets);
        Assert.Equal("lib_alpha", store.GetPath(store.GetDirectory(store.FindNode("lib_alpha/parse.c"))));
        var objectEnvironment = graph.Environments[store.GetEnvironment(store.GetExecutor(store.FindNode("lib_alpha/parse.o")))];
        Assert.Equal(["lib_alpha", "include"], objectEnvironment.GetList("CPPPATH"));
        var linkEnvironment = graph.Environments[store.GetEnvironment(store.GetExecutor(app))];
        Assert.Equal(["include"], linkEnvironment.GetList("CPPPATH"));
    }

    private static BuildGraph Load(string text)
    {
        var graph = new BuildGraph(new BaselineNodeStore("/p"), new EnvironmentTable(), "/p", "bad.manifest");
        GraphLoader.Load(graph, new StringReader(text), "bad.manifest");
        return graph;
    }
}
