using Toolkit.Engine.Build;
using Toolkit.Engine.Graph;

namespace Toolkit.Engine.Tests.Build;

public sealed class IncrementalBuildTests
{
    [Fact]
    public void First_build_runs_every_action_and_the_second_runs_nothing()
    {
        var project = SmallProject.Create();
        var (first, commands) = project.Build();
        Assert.True(first.Succeeded);
        Assert.Equal(Sorted("lib_a/a1.o", "lib_a/a2.o", "lib_a/liba.a", "lib_b/b1.o", "lib_b/libb.a", "bin/main.o", "bin/app"), Sorted(commands));

        var (second, again) = project.Build();
        Assert.True(second.Succeeded);
        Assert.Empty(again);
        Assert.Equal(0, second.Executed);
    }

    [Fact]
    public void Editing_a_shared_header_rebuilds_exactly_its_includers_their_libraries_and_the_program()
    {
        var project = SmallProject.Create();
        project.Build();
        project.Files.WriteText("shared/common.h", "#pragma once\nint common(void); /* changed */\n");

        var (_, commands) = project.Build();

        // a1.c reaches common.h through a.h (transitively); b1.c directly; a2.c and main.c not at all.
        Assert.Equal(Sorted("lib_a/a1.o", "lib_a/liba.a", "lib_b/b1.o", "lib_b/libb.a", "bin/app"), Sorted(commands));
    }

    [Fact]
    public void Touching_a_file_without_changing_it_rebuilds_nothing()
    {
        var project = SmallProject.Create();
        project.Build();
        project.Files.Touch("shared/common.h");
        project.Files.Touch("lib_a/a1.c");

        var (result, commands) = project.Build();

        Assert.Empty(commands);
        Assert.Equal(0, result.Executed);
    }

    [Fact]
    public void Deleting_an_output_rebuilds_that_output_and_what_changes_with_it()
    {
        var project = SmallProject.Create();
        project.Build();
        project.Files.Delete("lib_b/b1.o");

        var (_, commands) = project.Build();

        // The built-in tool is deterministic: the object comes back byte for byte, so libb.a is current.
        Assert.Equal(["lib_b/b1.o"], TestProject.Targets(commands));
    }

    [Fact]
    public void Changing_a_construction_variable_rebuilds_what_uses_it()
    {
        var project = SmallProject.Create();
        project.Build();
        project.Manifest = project.Manifest.Replace("CFLAGS = -O2", "CFLAGS = -O0", StringComparison.Ordinal);

        var (_, commands) = project.Build();

        // Every object's command line changed; the library and program commands did not, but their
        // inputs (the objects record their command line) did, so everything runs.
        Assert.Equal(Sorted("lib_a/a1.o", "lib_a/a2.o", "lib_a/liba.a", "lib_b/b1.o", "lib_b/libb.a", "bin/main.o", "bin/app"), Sorted(commands));
    }

    [Fact]
    public void Dry_run_prints_what_would_run_and_changes_nothing()
    {
        var project = SmallProject.Create();
        var (dry, commands) = project.Build(dryRun: true);
        Assert.Equal(7, commands.Count);
        Assert.True(dry.Succeeded);
        Assert.False(project.Files.Stat("bin/app").Exists);
        Assert.False(project.Files.Stat(Project.DatabaseFileName).Exists);

        project.Build();
        project.Files.WriteText("lib_a/a2.c", "#include \"a2.h\"\nint a2(void) { return 3; }\n");
        var (_, wouldRun) = project.Build(dryRun: true);
        Assert.Equal(Sorted("lib_a/a2.o", "lib_a/liba.a", "bin/app"), Sorted(wouldRun));
        var (_, ran) = project.Build();
        Assert.Equal(Sorted("lib_a/a2.o", "lib_a/liba.a", "bin/app"), Sorted(ran));
    }

    [Fact]
    public void Implicit_dependencies_are_found_by_scanning_transitively()
    {
        var project = SmallProject.Create();
        var loaded = project.Open();
        var graph = loaded.Graph;
        var a1 = graph.Store.FindNode("lib_a/a1.o");
        var implicitPaths = graph.GetEdges(a1, EdgeKind.Implicit).Select(graph.Store.GetPath).ToList();
        Assert.Equal(["lib_a/a.h", "shared/common.h"], implicitPaths);
        Assert.Equal(NodeKind.Header, graph.Store.GetKind(graph.Store.FindNode("shared/common.h")));
    }

    private static List<string> Sorted(params string[] targets) => targets.Order(StringComparer.Ordinal).ToList();

    private static List<string> Sorted(IEnumerable<string> commands) => TestProject.Targets(commands).Order(StringComparer.Ordinal).ToList();
}
