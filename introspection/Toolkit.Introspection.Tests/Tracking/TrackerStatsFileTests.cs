using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Toolkit.Introspection.Tests.Sizing;
using Toolkit.Introspection.Tracking;
using Toolkit.SizerTarget;

namespace Toolkit.Introspection.Tests.Tracking;

/// <summary>Saved stats: round trip, version and damage checks, and analysis in another process.</summary>
public sealed class TrackerStatsFileTests
{
    [Fact]
    public void Stats_survive_a_save_and_load_round_trip()
    {
        var stats = SampleStats.Build();
        byte[] saved = Save(stats);
        var loaded = TrackerStats.Load(saved, "memory");
        Assert.Equal(Encoding.UTF8.GetString(saved), Encoding.UTF8.GetString(Save(loaded)));
        Assert.Equal(["after-load", "after-build"], loaded.Snapshots.Select(s => s.Label));
        Assert.Equal(stats.Instances.Count, loaded.Instances.Count);
        Assert.Contains(loaded.Instances, i => i.Name == "temporary" && i.DiedMs is not null);
        Assert.Contains(loaded.Snapshots[1].FieldTotals, f => f.TypeName == "Holder");
        Assert.Equal(stats.Snapshots[1].InstanceSizes, loaded.Snapshots[1].InstanceSizes);
        Assert.StartsWith("{\"formatVersion\":2,", Encoding.UTF8.GetString(saved), StringComparison.Ordinal);
    }

    private const string Snapshot = "\"label\":\"x\",\"atMs\":1,\"timestampUtc\":\"2026-01-01T00:00:00Z\",\"durationMs\":1,\"managedHeapBytes\":1,\"rssBytes\":1,\"overheadBytes\":1,\"totalBytes\":8,\"liveCount\":1,\"types\":[],\"details\":[],\"fieldTotals\":[]";
    private const string Head = "{\"formatVersion\":1,\"startedUtc\":\"2026-01-01T00:00:00Z\",\"trackedClasses\":[],\"detailClasses\":[],";
    private const string OneInstance = "\"instances\":[{\"id\":0,\"typeName\":\"T\",\"bornMs\":0,\"lastSeenMs\":1}]";

    [Theory]
    [InlineData("{\"formatVersion\":99,\"instances\":[]}", "formatVersion 99 is not supported")]
    [InlineData("{\"instances\":[]}", "no formatVersion")]
    [InlineData("[1,2]", "does not start with a JSON object")]
    [InlineData("", "does not start with a JSON object")]
    [InlineData("{\"formatVersion\":1,\"instances\":[{\"id\":0,", "ends inside instances[0]")]
    [InlineData("{\"formatVersion\":1,\"instances\":[{\"id\":0,]", "damaged JSON at line 1, byte 40")]
    [InlineData("{\"formatVersion\":1,\"instances\":[{\"id\":3}]}", "instances[0]: no 'typeName' field")]
    [InlineData(Head + "\"instances\":[{\"id\":3,\"typeName\":\"T\",\"bornMs\":0,\"lastSeenMs\":1}],\"snapshots\":[]}", "instances[0] has id 3")]
    [InlineData(Head + "\"instances\":[],\"snapshots\":[{" + Snapshot + ",\"instanceIds\":[5],\"instanceSizes\":[8]}]}", "instance id 5 outside")]
    [InlineData(Head + "\"instances\":[],\"snapshots\":[{" + Snapshot + ",\"instanceIds\":[],\"instanceSizes\":[8]}]}", "0 instance ids but 1 sizes")]
    [InlineData(Head + OneInstance + ",\"snapshots\":[{" + Snapshot + ",\"instanceIds\":[0],\"instanceSizes\":[-8]}]}", "snapshots[0].instanceSizes[0]: -8 is outside")]
    [InlineData(Head + OneInstance + ",\"snapshots\":[{" + Snapshot + ",\"instanceIds\":[0],\"instanceSizes\":[8],\"deadIds\":[5]}]}", "deadIds names instance 5, which is outside")]
    [InlineData(Head + OneInstance + ",\"snapshots\":[{" + Snapshot + ",\"full\":false,\"instanceIds\":[0],\"instanceSizes\":[8]}]}", "the first snapshot is incremental")]
    [InlineData(Head + OneInstance + ",\"snapshots\":[]} {}", "damaged JSON at line 1, byte 174")]
    [InlineData(Head + OneInstance + ",\"snapshots\":[], \"formatVersion\":1}", "formatVersion given twice")]
    [InlineData("{\"formatVersion\":1,\"startedUtc\":\"yesterday\"}", "startedUtc: 'yesterday' is not an ISO 8601 date")]
    [InlineData("{\"formatVersion\":1,\"trackedClasses\":[\"\\ud800\"]}", "damaged JSON")]
    [InlineData("{\"formatVersion\":1,\"instances\":[{\"id\":1e400}]}", "instances[0].id: expected an integer")]
    [InlineData("{\"formatVersion\":1,\"instances\":[{\"bornMs\":1e400}]}", "instances[0].bornMs: not a finite number")]
    public void Bad_files_are_refused_with_a_message_naming_the_file_and_the_fault(string json, string expected)
    {
        var e = Assert.Throws<TrackerStatsFormatException>(() => TrackerStats.Load(Encoding.UTF8.GetBytes(json), "stats.json"));
        Assert.Contains("stats.json", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_null_or_wrong_typed_field_is_refused_naming_the_field()
    {
        string saved = Encoding.UTF8.GetString(Save(SampleStats.Build()));
        var failures = new List<string>();
        int cases = 0;
        foreach (var (path, node) in FieldMutations.FirstOfEachField(JsonNode.Parse(saved)!))
        {
            foreach (var (what, replacement) in FieldMutations.WrongValues(node))
            {
                cases++;
                var mutated = FieldMutations.Replace(saved, path, replacement);
                bool nullable = replacement is null && FieldMutations.IsNullable(path);
                try
                {
                    TrackerStats.Load(Encoding.UTF8.GetBytes(mutated), "stats.json");
                    if (!nullable)
                    {
                        failures.Add($"{path} = {what}: accepted");
                    }
                }
                catch (TrackerStatsFormatException e) when (!nullable)
                {
                    string expected = path == "formatVersion" ? "formatVersion is not an integer" : path + ":";
                    if (!e.Message.StartsWith("stats.json: ", StringComparison.Ordinal) || !e.Message.Contains(expected, StringComparison.Ordinal))
                    {
                        failures.Add($"{path} = {what}: message does not name it: {e.Message}");
                    }
                }
                catch (Exception e)
                {
                    failures.Add($"{path} = {what}: {e.GetType().Name}: {e.Message}");
                }
            }
        }

        Assert.True(cases > 80, $"only {cases} cases: the sample lacks fields");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Loading_streams_the_file_instead_of_holding_it()
    {
        string path = Path.Combine(Path.GetTempPath(), $"tracker-big-{Guid.NewGuid():N}.json");
        try
        {
            SyntheticStats.Build(instances: 100_000, snapshots: 6).Save(path);
            long fileBytes = new FileInfo(path).Length;
            long before = GC.GetAllocatedBytesForCurrentThread();
            var loaded = TrackerStats.Load(path);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            long retained = Toolkit.Introspection.Sizing.ObjectSizer.DeepSize(loaded);
            Assert.Equal(100_000, loaded.Instances.Count);

            // What is allocated beyond what the stats keep is scratch: a buffer and the last token, not the file.
            Assert.True(allocated - retained < fileBytes / 2, $"{allocated:N0} bytes allocated to load a {fileBytes:N0}-byte file into {retained:N0} bytes of stats");

            // One string per distinct type name, however many instances carry it.
            Assert.Same(loaded.Instances[0].TypeName, loaded.Instances[99_995].TypeName);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Special_files_are_refused_in_one_line()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"tracker-special-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var e = Assert.Throws<TrackerStatsFormatException>(() => TrackerStats.Load(dir));
            Assert.Contains("cannot read the stats file", e.Message, StringComparison.Ordinal);
            e = Assert.Throws<TrackerStatsFormatException>(() => TrackerStats.Load(Path.Combine(dir, "missing.json")));
            Assert.Contains("missing.json", e.Message, StringComparison.Ordinal);
            if (File.Exists("/dev/zero"))
            {
                e = Assert.Throws<TrackerStatsFormatException>(() => TrackerStats.Load("/dev/zero"));
                Assert.Contains("/dev/zero", e.Message, StringComparison.Ordinal);
            }

            string loop = Path.Combine(dir, "loop.json");
            File.CreateSymbolicLink(loop, loop);
            e = Assert.Throws<TrackerStatsFormatException>(() => TrackerStats.Load(loop));
            Assert.Contains("loop.json", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Another_process_analyses_a_saved_file_without_the_tracked_program()
    {
        string path = Path.Combine(Path.GetTempPath(), $"tracker-{Guid.NewGuid():N}.json");
        string html = Path.ChangeExtension(path, ".html");
        try
        {
            SampleStats.Build().Save(path);
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string a in new[] { "exec", SizerTargetProcess.LocateTarget(), "analyze", path, html })
            {
                info.ArgumentList.Add(a);
            }

            using var p = Process.Start(info)!;
            var stdoutTask = p.StandardOutput.ReadToEndAsync();
            var stderrTask = p.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await p.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                p.Kill(entireProcessTree: true);
                Assert.Fail("the analyzer process did not finish in 60 s");
            }

            string stdout = await stdoutTask;
            string stderr = await stderrTask;
            Assert.True(p.ExitCode == 0, stderr);
            Assert.Contains("after-build", stdout, StringComparison.Ordinal);
            Assert.Contains("Holder", stdout, StringComparison.Ordinal);
            Assert.Contains("List<Holder>", stdout, StringComparison.Ordinal);
            Assert.Contains("<svg", File.ReadAllText(html), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
            File.Delete(html);
        }
    }

    private static byte[] Save(TrackerStats stats)
    {
        using var ms = new MemoryStream();
        stats.Save(ms);
        return ms.ToArray();
    }
}
