using Toolkit.Engine.Build;
using Toolkit.Engine.Graph;

namespace Toolkit.Engine.Tests.Build;

public sealed class FailureTests
{
    [Fact]
    public void A_failing_action_stops_the_build_and_the_next_build_runs_only_what_did_not_finish()
    {
        var project = SmallProject.Create();
        project.Files.WriteText("lib_b/b1.c", "#error b1 is broken\n");

        var (failed, _) = project.Build();

        Assert.False(failed.Succeeded);
        Assert.Equal(2, failed.ExitCode);
        Assert.Contains(project.LastReporter.Errors, e => e.Contains("lib_b/b1.c:1: error: b1 is broken", StringComparison.Ordinal));
        Assert.False(project.Files.Stat("bin/app").Exists);

        var completed = project.LastProject.Graph.Store;
        var finishedBefore = Enumerable.Range(0, completed.Count)
            .Where(n => completed.GetExecutor(n) >= 0 && completed.GetState(n) == NodeState.Executed)
            .Select(completed.GetPath)
            .ToHashSet();

        project.Files.WriteText("lib_b/b1.c", "int b1(void) { return 1; }\n");
        var (fixedBuild, commands) = project.Build();

        Assert.True(fixedBuild.Succeeded);
        var ran = TestProject.Targets(commands).ToHashSet();
        Assert.Empty(ran.Intersect(finishedBefore));
        Assert.Contains("lib_b/b1.o", ran);
        Assert.Contains("bin/app", ran);
        Assert.Equal(7, ran.Count + finishedBefore.Count);
    }

    [Fact]
    public void An_error_inside_an_if_block_is_not_taken_as_gcc_compiles_it_and_one_after_it_is()
    {
        var project = SmallProject.Create();
        project.Files.WriteText("lib_b/b1.c", "#if 0\n#error never\n#endif\n#ifndef HAVE_X\n#  ifdef Y\n#  endif\n#error guarded\n#endif\nint b1(void) { return 1; }\n");

        var (guarded, _) = project.Build();

        Assert.True(guarded.Succeeded);
        project.Files.WriteText("lib_b/b1.c", "#if 0\n#error never\n#endif\n#error taken\n");
        var (failed, _) = project.Build();
        Assert.False(failed.Succeeded);
        Assert.Contains(project.LastReporter.Errors, e => e.Contains("lib_b/b1.c:4: error: taken", StringComparison.Ordinal));
    }

    [Fact]
    public void Keep_going_builds_everything_that_does_not_depend_on_the_failure()
    {
        var project = SmallProject.Create();
        project.Files.WriteText("lib_b/b1.c", "#error b1 is broken\n");

        var (result, commands) = project.Build(keepGoing: true);

        Assert.Equal(2, result.ExitCode);
        var ran = TestProject.Targets(commands).ToHashSet();
        Assert.Superset(new HashSet<string> { "lib_a/a1.o", "lib_a/a2.o", "lib_a/liba.a", "bin/main.o", "lib_b/b1.o" }, ran);
        Assert.Equal(5, ran.Count);
        Assert.True(project.Files.Stat("lib_a/liba.a").Exists);
        Assert.False(project.Files.Stat("lib_b/libb.a").Exists);
        Assert.False(project.Files.Stat("bin/app").Exists);
    }

    [Fact]
    public void A_missing_source_is_named_with_the_target_that_needs_it()
    {
        var project = SmallProject.Create();
        project.Files.Delete("lib_a/a2.c");

        var (result, _) = project.Build();

        Assert.False(result.Succeeded);
        Assert.Contains("test.manifest:8: source 'lib_a/a2.c' is missing, needed by 'lib_a/a2.o'", project.LastReporter.Errors);
    }

    [Fact]
    public void A_cycle_is_refused_with_its_nodes_named()
    {
        var project = new TestProject("""
            toolkit-manifest 2
            build a.txt: Copy b.txt
            build b.txt: Copy c.txt
            build c.txt: Copy a.txt
            end
            """);

        var error = Assert.Throws<DependencyCycleException>(() => project.Build());

        Assert.Equal("test.manifest:2: dependency cycle: a.txt -> b.txt -> c.txt -> a.txt (the statements on lines 2, 3, 4)", error.Message);
        Assert.Equal([2, 3, 4], error.Lines);
    }

    [Fact]
    public void An_unknown_variable_is_named_with_its_target()
    {
        var project = new TestProject("""
            toolkit-manifest 2
            build out.txt: Command in.txt
              COMMAND = $MYTOOL $SOURCE > $TARGET
            end
            """);
        project.Files.WriteText("in.txt", "x");

        var (result, _) = project.Build();

        Assert.False(result.Succeeded);
        var error = Assert.Single(project.LastReporter.Errors);
        Assert.Contains("'out.txt'", error, StringComparison.Ordinal);
        Assert.Contains("MYTOOL", error, StringComparison.Ordinal);
        Assert.StartsWith("test.manifest:2: 'out.txt': undefined variable $MYTOOL (used by COMMAND (set on line 2))", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_database_gives_a_warning_and_a_full_rebuild()
    {
        var project = SmallProject.Create();
        project.Build();
        var bytes = project.Files.ReadAllBytes(Project.DatabaseFileName);
        project.Files.WriteAllBytes(Project.DatabaseFileName, bytes.AsSpan(0, bytes.Length / 2));

        var (result, commands) = project.Build();

        Assert.True(result.Succeeded);
        Assert.Equal(7, commands.Count);
        Assert.Single(project.LastReporter.Warnings);

        var (_, again) = project.Build();
        Assert.Empty(again);
    }

    [Fact]
    public void A_corrupted_database_byte_is_detected()
    {
        var project = SmallProject.Create();
        project.Build();
        var bytes = project.Files.ReadAllBytes(Project.DatabaseFileName).ToArray();
        bytes[bytes.Length / 2] ^= 0x5a;
        project.Files.WriteAllBytes(Project.DatabaseFileName, bytes);

        var (_, commands) = project.Build();

        Assert.Equal(7, commands.Count);
        Assert.Single(project.LastReporter.Warnings);
    }

    [Fact]
    public void A_chain_a_hundred_thousand_deep_is_planned_and_built_without_recursion()
    {
        const int depth = 100_000;
        var manifest = new System.Text.StringBuilder("toolkit-manifest 2\n");
        for (var i = 1; i <= depth; i++)
        {
            manifest.Append("build s").Append(i).Append(": Copy s").Append(i - 1).Append('\n');
        }

        manifest.Append("end\n");

        var project = new TestProject(manifest.ToString());
        project.Files.WriteText("s0", "seed");

        var (result, _) = project.Build(false, false, "s" + depth);

        Assert.True(result.Succeeded);
        Assert.Equal(depth, result.Executed);
        Assert.Equal("seed", project.Files.ReadText("s" + depth));
    }
}
