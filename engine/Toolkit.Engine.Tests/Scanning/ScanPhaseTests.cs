using Toolkit.Engine.Build;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Scanning;
using Toolkit.Engine.Tests.Build;

namespace Toolkit.Engine.Tests.Scanning;

/// <summary>The scanner inside a build: generated headers (issue 10 item 1), headers outside the root (item 6), the mode setting.</summary>
public sealed class ScanPhaseTests
{
    private const string GeneratedManifest = """
        toolkit-manifest 2
        CPPPATH = include
        build include/gen_cfg.h: Copy tmpl/gen_cfg.h.in
        build main.o: Object main.c
        build app: Program main.o

        end
        """;

    private const string CopyHeader = "cp tmpl/gen_cfg.h.in include/gen_cfg.h";

    private static TestProject Generated(EngineSettings? settings = null)
    {
        var project = new TestProject(GeneratedManifest, settings);
        project.Files.WriteText("main.c", "#include <gen_cfg.h>\nint main(void) { return 0; }\n");
        project.Files.WriteText("tmpl/gen_cfg.h.in", "#define CFG 1\n");
        return project;
    }

    private static int[] Implicit(Project project, string path) => project.Graph.GetEdges(project.Graph.Store.FindNode(path), EdgeKind.Implicit);

    [Theory]
    [InlineData(ScanMode.Conservative)]
    [InlineData(ScanMode.Exact)]
    public void A_generated_header_that_does_not_exist_yet_is_a_dependency_built_first_and_feeds_the_signature(ScanMode mode)
    {
        var settings = new EngineSettings { ScanMode = mode, CompilerProbe = new FixedCompilerProbe("#define __GNUC__ 12\n", []) };
        var project = Generated(settings);
        var opened = project.Open();
        var header = opened.Graph.Store.FindNode("include/gen_cfg.h");
        Assert.Equal([header], Implicit(opened, "main.o"));

        var (first, commands) = project.Build();
        Assert.True(first.Succeeded);
        var targets = TestProject.Targets(commands);
        Assert.Equal([CopyHeader, "main.o", "app"], targets);
        Assert.True(project.Files.Stat("include/gen_cfg.h").Exists);

        Assert.Empty(project.Build().Commands);

        // A new template makes a new header; the object depends on its content, so it rebuilds too.
        project.Files.WriteText("tmpl/gen_cfg.h.in", "#define CFG 2\n");
        Assert.Equal([CopyHeader, "main.o", "app"], TestProject.Targets(project.Build().Commands));
    }

    [Fact]
    public void A_dry_run_scans_no_object_whose_output_is_missing_and_every_object_whose_output_exists()
    {
        var project = new TestProject("""
            toolkit-manifest 2
            CPPPATH = include
            build a.o: Object a.c
            build b.o: Object b.c
            build app: Program a.o b.o

            end
            """);
        project.Files.WriteText("include/common.h", "#define COMMON 1\n");
        project.Files.WriteText("a.c", "#include <common.h>\nint main(void) { return 0; }\n");
        project.Files.WriteText("b.c", "#include <common.h>\nint b(void) { return 0; }\n");

        var (clean, wouldRun) = project.DryRunAsCli();
        Assert.Equal(["a.o", "b.o", "app"], TestProject.Targets(wouldRun));
        Assert.Equal(0, clean.FilesParsed);
        Assert.Null(clean.Scanner);
        Assert.Equal(-1, clean.Graph.Store.FindNode("include/common.h"));

        Assert.Equal(["a.o", "b.o", "app"], TestProject.Targets(project.Build().Commands));
        project.Files.Delete("a.o");
        project.Files.WriteText("include/common.h", "#define COMMON 2\n");
        var (built, afterEdit) = project.DryRunAsCli();
        Assert.Equal(["a.o", "b.o", "app"], TestProject.Targets(afterEdit)); // b.o only through the scanned header
        Assert.Equal([built.Graph.Store.FindNode("include/common.h")], Implicit(built, "b.o"));
        Assert.Empty(Implicit(built, "a.o"));
        Assert.Equal(TestProject.Targets(afterEdit), TestProject.Targets(project.Build().Commands));
    }

    /// <summary>
    /// A source is walked once per scan, so its stat is taken once and passed on, not remembered: the resolver's cache
    /// holds the headers' candidates only (it held every source too, ~190 bytes per source at 100k sources).
    /// </summary>
    [Fact]
    public void The_scan_remembers_the_stats_of_header_candidates_and_not_of_the_sources()
    {
        var project = new TestProject("""
            toolkit-manifest 2
            CPPPATH = include
            build a.o: Object a.c
            build b.o: Object b.c
            build c.o: Object c.c
            build app: Program a.o b.o c.o

            end
            """);
        project.Files.WriteText("include/common.h", "#define COMMON 1\n");
        foreach (var name in new[] { "a", "b", "c" })
        {
            project.Files.WriteText($"{name}.c", "#include <common.h>\nint " + name + "(void) { return 0; }\n");
        }

        var opened = project.Open();

        Assert.Equal(1, opened.Scanner!.Resolver.StatCount); // include/common.h, the one candidate of <common.h>
        foreach (var name in new[] { "a", "b", "c" })
        {
            Assert.Equal([opened.Graph.Store.FindNode("include/common.h")], Implicit(opened, $"{name}.o"));
        }
    }

    [Fact]
    public void A_dry_run_of_a_clean_tree_with_a_generated_header_scans_every_object_so_the_header_comes_first()
    {
        // The header's statement comes after the object's: only the scanned edge orders it first.
        var project = new TestProject("""
            toolkit-manifest 2
            CPPPATH = include
            build main.o: Object main.c
            build app: Program main.o
            build include/gen_cfg.h: Copy tmpl/gen_cfg.h.in

            end
            """);
        project.Files.WriteText("main.c", "#include <gen_cfg.h>\nint main(void) { return 0; }\n");
        project.Files.WriteText("tmpl/gen_cfg.h.in", "#define CFG 1\n");

        var (opened, wouldRun) = project.DryRunAsCli();
        Assert.True(opened.FilesParsed > 0, $"{opened.FilesParsed} files parsed");
        Assert.Equal([CopyHeader, "main.o", "app"], TestProject.Targets(wouldRun));
        Assert.Equal(wouldRun, project.Build().Commands);
    }

    [Fact]
    public void Headers_outside_the_root_relative_or_absolute_are_dependencies_named_absolutely_and_never_cleaned()
    {
        var project = new TestProject("""
            toolkit-manifest 2
            CPPPATH = ../deps/lua/src /opt/zlib/include
            build server.o: Object server.c

            end
            """);
        project.Files.WriteText("server.c", "#include <lua.h>\n#include <zlib.h>\n");
        project.Files.WriteText("/deps/lua/src/lua.h", "#include \"luaconf.h\"\n");
        project.Files.WriteText("/deps/lua/src/luaconf.h", "");
        project.Files.WriteText("/opt/zlib/include/zlib.h", "");
        var opened = project.Open();
        var store = opened.Graph.Store;
        var names = Implicit(opened, "server.o").Select(store.GetPath).ToArray();
        Assert.Equal(["/deps/lua/src/lua.h", "/deps/lua/src/luaconf.h", "/opt/zlib/include/zlib.h"], names);
        foreach (var name in names)
        {
            var node = store.FindNode(name);
            Assert.Equal(NodeKind.Header, store.GetKind(node));
            Assert.Equal(-1, store.GetDirectory(node));
            Assert.Equal(-1, store.GetExecutor(node));
        }

        Assert.True(project.Build().Result.Succeeded);
        Assert.Empty(project.Build().Commands);
        project.Files.WriteText("/deps/lua/src/luaconf.h", "#define LUA_32BITS\n");
        Assert.Equal(["server.o"], TestProject.Targets(project.Build().Commands));

        project.Open().Clean();
        Assert.True(project.Files.Stat("/deps/lua/src/luaconf.h").Exists);
        Assert.True(project.Files.Stat("/opt/zlib/include/zlib.h").Exists);
        Assert.False(project.Files.Stat("server.o").Exists);
    }

    [Fact]
    public void The_manifest_chooses_the_mode_and_the_flags_come_from_the_command_line()
    {
        var project = new TestProject("""
            toolkit-manifest 2
            TOOLKIT_SCAN = exact
            CFLAGS = -DUSE_FAST
            build a.o: Object a.c

            end
            """, new EngineSettings { CompilerProbe = new FixedCompilerProbe(string.Empty, []) });
        project.Files.WriteText("a.c", "#ifdef USE_FAST\n#include \"fast.h\"\n#else\n#include \"slow.h\"\n#endif\n");
        project.Files.WriteText("fast.h", "");
        project.Files.WriteText("slow.h", "");
        var opened = project.Open();
        Assert.Equal(["fast.h"], Implicit(opened, "a.o").Select(opened.Graph.Store.GetPath));

        var conservative = new TestProject(project.Manifest, new EngineSettings { ScanMode = ScanMode.Conservative });
        conservative.Files.WriteText("a.c", project.Files.ReadText("a.c"));
        conservative.Files.WriteText("fast.h", "");
        conservative.Files.WriteText("slow.h", "");
        var both = conservative.Open();
        Assert.Equal(["fast.h", "slow.h"], Implicit(both, "a.o").Select(both.Graph.Store.GetPath));
    }

    [Fact]
    public void An_unknown_mode_is_one_error_naming_the_variable()
    {
        var project = new TestProject("toolkit-manifest 2\nTOOLKIT_SCAN = exakt\nbuild a.o: Object a.c\nend\n");
        project.Files.WriteText("a.c", "");
        var error = Assert.Throws<ScanConfigurationException>(() => project.Open());
        Assert.Contains("TOOLKIT_SCAN = 'exakt'", error.Message, StringComparison.Ordinal);
        Assert.Contains("test.manifest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_computed_include_is_named_in_a_warning_in_conservative_mode()
    {
        var project = new TestProject("toolkit-manifest 2\nbuild a.o: Object a.c\nend\n");
        project.Files.WriteText("a.c", "#define H \"h.h\"\n#include H\n");
        project.Files.WriteText("h.h", "");
        project.Open();
        Assert.Single(project.LastReporter.Warnings, warning => warning.Contains("'#include H' is computed", StringComparison.Ordinal) && warning.Contains("a.c", StringComparison.Ordinal));
    }

    [Fact]
    public void A_compile_command_that_cannot_be_substituted_is_a_warning_naming_the_manifest_line_that_sets_it()
    {
        var project = new TestProject("toolkit-manifest 2\nCCCOM = cc $NOWHERE -c -o $TARGET $SOURCES\nbuild a.o: Object a.c\nend\n");
        project.Files.WriteText("a.c", "int a;\n");
        project.Open();
        Assert.Single(project.LastReporter.Warnings, warning => warning.Contains("test.manifest:2: cannot substitute $CCCOM", StringComparison.Ordinal) && warning.Contains("$NOWHERE", StringComparison.Ordinal));
    }
}
