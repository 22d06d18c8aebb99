using System.Diagnostics;
using System.Text;
using Toolkit.Introspection.Tests.Sizing;
using Toolkit.Introspection.Tracking;

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
        Assert.StartsWith("{\"formatVersion\":1,", Encoding.UTF8.GetString(saved), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"formatVersion\":99,\"instances\":[]}", "formatVersion 99 is not supported")]
    [InlineData("{\"instances\":[]}", "no formatVersion")]
    [InlineData("[1,2]", "does not start with a JSON object")]
    [InlineData("{\"formatVersion\":1,\"instances\":[{\"id\":0,", "damaged")]
    [InlineData("{\"formatVersion\":1,\"instances\":[{\"id\":3}]}", "instances[0] has id 3")]
    [InlineData("{\"formatVersion\":1,\"instances\":[],\"snapshots\":[{\"label\":\"x\",\"instanceIds\":[5],\"instanceSizes\":[8]}]}", "instance id 5 outside")]
    [InlineData("{\"formatVersion\":1,\"snapshots\":[{\"label\":\"x\",\"instanceIds\":[],\"instanceSizes\":[8]}]}", "0 instance ids but 1 sizes")]
    public void Bad_files_are_refused_with_a_message_naming_the_file_and_the_fault(string json, string expected)
    {
        var e = Assert.Throws<TrackerStatsFormatException>(() => TrackerStats.Load(Encoding.UTF8.GetBytes(json), "stats.json"));
        Assert.Contains("stats.json", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
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
