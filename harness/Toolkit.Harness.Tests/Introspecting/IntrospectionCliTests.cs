using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Toolkit.Harness.Tests.Cli;
using Toolkit.Introspection.Tracking;

namespace Toolkit.Harness.Tests.Introspecting;

/// <summary>
/// Issues 5 and 6 through the real program: build --debug=count/--debug=memory/--stats, build
/// --heap-snapshot, and the heap verbs on that file; errors exit 1 with one clear line.
/// </summary>
public sealed partial class IntrospectionCliTests(BuiltProject built) : IClassFixture<BuiltProject>
{
    private const string NodeType = "Toolkit.Engine.Graph.Baseline.BaselineNode";

    [Fact]
    public void Debug_count_lists_every_node_as_a_BaselineNode_alive_and_created()
    {
        Assert.True(built.BuildExitCode == 0, built.BuildError);
        Assert.True(built.NodeCount > 40, built.BuildOutput);
        var row = CountRow("BaselineNode").Match(built.BuildOutput);
        Assert.True(row.Success, built.BuildOutput);
        Assert.Equal(built.NodeCount, Number(row.Groups["alive"].Value));
        Assert.Equal(built.NodeCount, Number(row.Groups["created"].Value));
        Assert.True(Number(row.Groups["bytes"].Value) >= built.NodeCount * 100L, "a BaselineNode owns at least its 100-odd bytes");
        Assert.Matches(CountRow("BaselineExecutor"), built.BuildOutput);
        Assert.Contains("BaselineNodeStore._nodes (List<BaselineNode>)", built.BuildOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Debug_memory_prints_the_three_phases()
    {
        var (code, output, error) = ToolkitProcess.Run(built.Root, "build", built.Project, "-s", "--debug=memory");
        Assert.True(code == 0, error);
        Assert.Matches(@"after read\s+after scan\s+after build", output);
        foreach (var row in new[] { "managed heap", "RSS", "  tracked engine types", "    BaselineNode ", "  tracker (tables, snapshots)", "  other (runtime, CLI, untracked)" })
        {
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(row, StringComparison.Ordinal));
            Assert.True(line is not null, $"no '{row}' row in:\n{output}");
            Assert.Equal(3, Numbers().Matches(line[row.Length..]).Count);
        }

        // The heap is accounted for: what the tracked types own and the tracker's own part never exceed it.
        var other = output.Split('\n').First(l => l.StartsWith("  other (", StringComparison.Ordinal));
        Assert.DoesNotContain("-", other[32..], StringComparison.Ordinal);
    }

    [Fact]
    public void Stats_json_is_a_loadable_tracker_file_with_the_phase_snapshots()
    {
        var path = Path.Join(built.Root, "stats.json");
        var (code, output, error) = ToolkitProcess.Run(built.Root, "build", built.Project, "-s", "--track", "BaselineNode,BaselineNodeInfo", "--stats", path);
        Assert.True(code == 0, error);
        Assert.Contains("wrote " + path, output, StringComparison.Ordinal);
        var stats = TrackerStats.Load(path);
        Assert.Equal(["BaselineNode", "BaselineNodeInfo"], stats.TrackedClasses);
        Assert.Equal(["after read", "after scan", "after build"], stats.Snapshots.Select(s => s.Label));
        var nodes = stats.Find("after build")!.Types.Single(t => t.TypeName == "BaselineNode");
        Assert.Equal(built.NodeCount, nodes.Count);
        Assert.NotEmpty(stats.Find("after build")!.FieldTotals); // detail mode: bytes per field
    }

    [Fact]
    public void Stats_html_with_periodic_snapshots_is_a_page()
    {
        var path = Path.Join(built.Root, "stats.html");
        var (code, _, error) = ToolkitProcess.Run(built.Root, "build", built.Project, "-s", "--track", "BaselineNode", "--snapshot-every", "20ms", "--stats", path);
        Assert.True(code == 0, error);
        var html = File.ReadAllText(path);
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("BaselineNode", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stats_page_is_titled_with_the_variant_asked_for_and_no_other_name()
    {
        // The optimized profile uses the struct-of-arrays store; the page's title must say what was asked for.
        var path = Path.Join(built.Root, "optimized-stats.html");
        var (code, _, error) = ToolkitProcess.Run(built.Root, "build", built.Project, "-s", "-n", "--variant", "optimized", "--stats", path);
        Assert.True(code == 0, error);
        var html = File.ReadAllText(path);
        Assert.Contains($"toolkit build {built.Project} (optimized)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("struct-of-arrays", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_introspection_options_exit_1_naming_them()
    {
        var (unknown, _, unknownError) = ToolkitProcess.Run(built.Root, "build", built.Project, "--track", "NoSuchNode", "--stats", "x.json");
        Assert.Equal(1, unknown);
        Assert.Contains("no engine type named 'NoSuchNode'", unknownError, StringComparison.Ordinal);

        var (extension, _, extensionError) = ToolkitProcess.Run(built.Root, "build", built.Project, "--stats", "x.txt");
        Assert.Equal(1, extension);
        Assert.Contains(".json", extensionError, StringComparison.Ordinal);

        var (flag, _, flagError) = ToolkitProcess.Run(built.Root, "build", built.Project, "--debug=time");
        Assert.Equal(1, flag);
        Assert.Contains("--debug=time", flagError, StringComparison.Ordinal);
    }

    [Fact]
    public void Heap_summarize_json_counts_the_nodes_of_the_engine_after_its_build()
    {
        Assert.True(built.BuildExitCode == 0, built.BuildError);
        Assert.Contains("wrote " + built.HeapFile, built.BuildOutput, StringComparison.Ordinal);
        var (code, output, error) = ToolkitProcess.Run(built.Root, "heap", "summarize", built.HeapFile, "--json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        var nodes = rows.Single(r => r.GetProperty("kind").GetString() == NodeType);
        Assert.Equal(built.NodeCount, nodes.GetProperty("count").GetInt64());
        Assert.Equal(json.RootElement.GetProperty("bytes").GetInt64(), rows.Sum(r => r.GetProperty("size").GetInt64()));
        Assert.DoesNotContain(rows, r => r.GetProperty("kind").GetString() == "Toolkit.Introspection.Tracking.InstanceRecord"); // the tracker is gone before the capture
    }

    [Fact]
    public void Heap_summarize_segments_lists_each_segment_with_the_tables_objects_and_refuses_from()
    {
        Assert.True(built.BuildExitCode == 0, built.BuildError);
        var (code, output, error) = ToolkitProcess.Run(built.Root, "heap", "summarize", built.HeapFile, "--segments", "--json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var segments = json.RootElement.GetProperty("segments").EnumerateArray().ToList();
        Assert.NotEmpty(segments);
        Assert.Equal(json.RootElement.GetProperty("objects").GetInt64(), segments.Sum(s => s.GetProperty("objects").GetInt64()));
        Assert.Equal(json.RootElement.GetProperty("bytes").GetInt64(), segments.Sum(s => s.GetProperty("bytes").GetInt64()));
        var (textCode, text, _) = ToolkitProcess.Run(built.Root, "heap", "summarize", built.HeapFile, "--top", "1", "--segments");
        Assert.Equal(0, textCode);
        Assert.Contains("segments (SOS's eeheap -gc", text, StringComparison.Ordinal);

        var (usage, _, refused) = ToolkitProcess.Run(built.Root, "heap", "summarize", built.HeapFile, "--segments", "--from", "0x10");
        Assert.Equal(1, usage);
        Assert.Equal("toolkit: error: --segments lists the whole heap's segments: drop --from and --excluding, or --segments", refused.Trim());
    }

    [Fact]
    public void Heap_export_writes_a_heapsnapshot_owner_only_with_a_node_per_live_object()
    {
        Assert.True(built.BuildExitCode == 0, built.BuildError);
        var path = Path.Join(built.Root, "engine.heapsnapshot");
        var (code, output, error) = ToolkitProcess.Run(built.Root, "heap", "export", built.HeapFile, "-o", path);
        Assert.True(code == 0, error);
        Assert.Contains("wrote " + path, output, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        using var snapshot = JsonDocument.Parse(File.ReadAllBytes(path));
        var (summaryCode, summary, _) = ToolkitProcess.Run(built.Root, "heap", "summarize", built.HeapFile, "--json");
        Assert.Equal(0, summaryCode);
        using var counts = JsonDocument.Parse(summary);
        var nodes = snapshot.RootElement.GetProperty("snapshot").GetProperty("node_count").GetInt64();
        var roots = snapshot.RootElement.GetProperty("nodes")[4].GetInt32(); // the (roots) node's edges: one per root kind
        Assert.Equal(counts.RootElement.GetProperty("objects").GetInt64() + 1 + roots, nodes);
    }

    [Fact]
    public void Heap_types_show_and_paths_explain_one_node()
    {
        var (code, output, error) = ToolkitProcess.Run(built.Root, "heap", "types", built.HeapFile, NodeType, "--top", "1");
        Assert.True(code == 0, error);
        Assert.Contains($"{NodeType}: {built.NodeCount:N0} objects", output, StringComparison.Ordinal);
        var address = Address().Match(output).Value;

        var (shown, show, showError) = ToolkitProcess.Run(built.Root, "heap", "show", built.HeapFile, address);
        Assert.True(shown == 0, showError);
        Assert.Contains("<Path>k__BackingField", show, StringComparison.Ordinal);

        var (pathsCode, paths, pathsError) = ToolkitProcess.Run(built.Root, "heap", "paths", built.HeapFile, address, "--json");
        Assert.True(pathsCode == 0, pathsError);
        Assert.Contains("Toolkit.Engine.Graph.Baseline.BaselineNodeStore", paths, StringComparison.Ordinal);
        using var _ = JsonDocument.Parse(paths);
    }

    [Fact]
    public void Heap_dominators_list_the_project_and_its_store()
    {
        var (code, output, error) = ToolkitProcess.Run(built.Root, "heap", "dominators", built.HeapFile, "--top", "10");
        Assert.True(code == 0, error);
        var top = string.Join('\n', output.Split('\n').Skip(3).Take(3));
        Assert.True(top.Contains("Toolkit.Engine.Build.Project", StringComparison.Ordinal), output);
        Assert.Contains("Toolkit.Engine.Graph.Baseline.BaselineNodeStore", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Heap_cycles_finds_the_engines_node_executor_cycle_with_the_edge_to_weaken()
    {
        var (code, output, error) = ToolkitProcess.Run(built.Root, "heap", "cycles", built.HeapFile, "--json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var shapes = json.RootElement.GetProperty("shapes").EnumerateArray().ToList();
        var engine = Assert.Single(shapes, s => s.GetProperty("shape").GetString()!.Contains("BaselineExecutor.<Targets>k__BackingField", StringComparison.Ordinal));
        // Every target of a statement with a builder is on one: the node holds its executor, the executor its targets.
        Assert.True(engine.GetProperty("cycles").GetInt32() > 0, output);
        Assert.StartsWith("Toolkit.Engine.Graph.Baseline.", engine.GetProperty("weaken").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, engine.GetProperty("leftInCycles").GetInt64());
        Assert.True(json.RootElement.GetProperty("frameworkCycles").GetInt32() > 0, output);
        var (textCode, text, _) = ToolkitProcess.Run(built.Root, "heap", "cycles", built.HeapFile, "--top", "3");
        Assert.Equal(0, textCode);
        Assert.Contains("weaken: ", text, StringComparison.Ordinal);
        Assert.Equal(3, text.Split('\n').Count(l => l.StartsWith("shape ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Heap_cycles_of_a_missing_or_damaged_file_exits_1_with_one_line()
    {
        var missing = Path.Join(built.Root, "none.heap");
        var (code, _, error) = ToolkitProcess.Run(built.Root, "heap", "cycles", missing);
        Assert.Equal(1, code);
        Assert.Equal("toolkit: error: heap file not found: " + missing, error.Trim());
        var damaged = Path.Join(built.Root, "cut.heap");
        File.WriteAllBytes(damaged, File.ReadAllBytes(built.HeapFile)[..4096]);
        (code, _, error) = ToolkitProcess.Run(built.Root, "heap", "cycles", damaged);
        Assert.Equal(1, code);
        Assert.StartsWith("toolkit: error: " + damaged, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void Expect_dead_after_build_finds_the_executor_dead_and_a_bad_phase_is_one_line()
    {
        var (code, output, error) = ToolkitProcess.Run(built.Root, "build", built.Project, "-s", "--expect-dead-after", "read,scan,build");
        Assert.True(code == 0, error);
        var line = Assert.Single(output.Split('\n'), l => l.StartsWith("toolkit: expect dead after read,scan,build: ", StringComparison.Ordinal));
        var counts = Regex.Match(line, @"expected dead: (\d+), died: (\d+), survived: 0$");
        Assert.True(counts.Success, output);
        Assert.True(int.Parse(counts.Groups[1].Value, CultureInfo.InvariantCulture) >= 1, line); // the build's executor at least
        Assert.Equal(counts.Groups[1].Value, counts.Groups[2].Value);
        var (bad, _, badError) = ToolkitProcess.Run(built.Root, "build", built.Project, "-s", "--expect-dead-after", "link");
        Assert.Equal(1, bad);
        Assert.Equal("toolkit: error: --expect-dead-after: no phase named 'link' (valid: read, scan, build)", badError.Trim());
    }

    [Fact]
    public void Heap_inspect_names_an_optimization()
    {
        var (code, output, error) = ToolkitProcess.Run(built.Root, "heap", "inspect", built.HeapFile, "--json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var optimizations = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("optimization").GetString()).ToList();
        Assert.Contains(optimizations, o => o!.Contains("intern", StringComparison.Ordinal));
        Assert.Contains(optimizations, o => o!.Contains("lazily", StringComparison.Ordinal));
    }

    [Fact]
    public void Heap_diff_against_the_slots_variant_shows_the_baseline_nodes_gone()
    {
        var slots = Path.Join(built.Root, "slots.heap");
        var (builtCode, _, buildError) = ToolkitProcess.Run(built.Root, "build", built.Project, "-s", "--variant", "slots", "--heap-snapshot", slots);
        Assert.True(builtCode == 0, buildError);
        var (code, output, error) = ToolkitProcess.Run(built.Root, "heap", "diff", built.HeapFile, slots, "--json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var nodes = json.RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("type").GetString() == NodeType);
        Assert.Equal(built.NodeCount, nodes.GetProperty("countBefore").GetInt64());
        Assert.Equal(0, nodes.GetProperty("countAfter").GetInt64());
        Assert.Equal(-built.NodeCount, nodes.GetProperty("countDelta").GetInt64());
        Assert.Contains(json.RootElement.GetProperty("rows").EnumerateArray(), r => r.GetProperty("type").GetString()!.Contains("Slots", StringComparison.Ordinal) && r.GetProperty("countDelta").GetInt64() > 0);
    }

    [Fact]
    public void A_damaged_heap_file_exits_1_naming_where_it_broke()
    {
        var damaged = Path.Join(built.Root, "damaged.heap");
        var bytes = File.ReadAllBytes(built.HeapFile);
        File.WriteAllBytes(damaged, bytes[..(bytes.Length / 2)]);
        var (code, _, error) = ToolkitProcess.Run(built.Root, "heap", "summarize", damaged);
        Assert.Equal(1, code);
        Assert.StartsWith("toolkit: error: " + damaged, error, StringComparison.Ordinal);
        Assert.Contains("byte", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void Heap_snapshot_of_a_missing_process_exits_1()
    {
        var (code, _, error) = ToolkitProcess.Run(built.Root, "heap", "snapshot", "--pid", "999999", "-o", Path.Join(built.Root, "x.heap"));
        Assert.Equal(1, code);
        Assert.Equal("toolkit: error: no process with id 999999", error.Trim());
    }

    [Fact]
    public void Heap_snapshot_stats_prints_one_line_with_each_capture_step()
    {
        string path = Path.Join(built.Root, "self-stats.heap");
        var (code, output, error) = ToolkitProcess.Run(built.Root, "heap", "snapshot", "--self", "-o", path, "--stats");
        Assert.Equal(0, code);
        Assert.Contains("wrote " + path, output, StringComparison.Ordinal);
        string line = Assert.Single(error.Split('\n'), l => l.StartsWith("toolkit: stats: capture:", StringComparison.Ordinal));
        Assert.Matches(@"^toolkit: stats: capture: createdump [\d.,]+ s, open [\d.,]+ s, objects [\d.,]+ s, roots [\d.,]+ s, write [\d.,]+ s on a second thread \(the walk waited [\d.,]+ s for it\); [\d.,]+ M objects/s; peak RSS [\d.,]+ MiB$", line.TrimEnd());
    }

    [Fact]
    public void An_address_with_no_object_exits_1_naming_it()
    {
        var (code, _, error) = ToolkitProcess.Run(built.Root, "heap", "show", built.HeapFile, "0x10");
        Assert.Equal(1, code);
        Assert.Contains("no object at address 0x10", error, StringComparison.Ordinal);
    }

    private static long Number(string text) => long.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    private static Regex CountRow(string type) =>
        new($@"^\s*(?<alive>[\d,]+)\s+(?<created>[\d,]+)\s+(?<bytes>[\d,]+)\s+(?<avg>[\d,]+)\s+{Regex.Escape(type)}\s*$", RegexOptions.Multiline);

    [GeneratedRegex(@"[\d,]+")]
    private static partial Regex Numbers();

    [GeneratedRegex(@"0x[0-9a-f]+")]
    private static partial Regex Address();
}
