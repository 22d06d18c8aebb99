using Toolkit.Introspection.Tests.Heap;
using Toolkit.Introspection.Tracking;

namespace Toolkit.Introspection.Tests.Samples;

/// <summary>
/// docs/heap-monitor.md's samples are real programs: the one-file app docs/samples/track.cs runs with
/// default settings (AOT defaults, reflection-based JSON off) and saves its stats; the HeapMonitor
/// project sizes a graph and analyses the saved file in another process.
/// </summary>
public sealed class SamplesTests
{
    [Fact]
    public void The_samples_build_and_run()
    {
        string root = ChildProcess.RepositoryRoot();
        using var temp = new TempDirectory();

        // The one-file app, exactly as the doc says to run it.
        var (code, output) = ChildProcess.Run("dotnet", root, "run", "docs/samples/track.cs", "--", temp.Info.FullName);
        Assert.True(code == 0, output);
        Assert.Contains("after-cleanup", output, StringComparison.Ordinal);
        var stats = TrackerStats.Load(Path.Combine(temp.Info.FullName, "track.json"));
        Assert.Equal(["after-load", "after-build", "after-cleanup"], stats.Snapshots.Where(s => !s.Label.StartsWith("periodic", StringComparison.Ordinal)).Select(s => s.Label));
        Assert.Equal(500, stats.Deaths().Count());
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(temp.Info.FullName, "track.html")), StringComparison.Ordinal);

        // The project, in the tests' configuration (the library is then already built and only the sample compiles).
        string configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        string project = Path.Combine(root, "docs", "samples", "HeapMonitor");
        (code, output) = ChildProcess.Run("dotnet", root, "build", project, "-c", configuration, "-v", "q");
        Assert.True(code == 0, output);
        string exe = Path.Combine(project, "bin", configuration, "net10.0", "HeapMonitor.dll");
        (code, output) = ChildProcess.Run("dotnet", root, exe, "sizes");
        Assert.True(code == 0, output);
        Assert.Contains("bytes in 3,002 objects (depth limit hit)", output, StringComparison.Ordinal);
        Assert.Contains("[padding]", output, StringComparison.Ordinal);

        (code, output) = ChildProcess.Run("dotnet", root, exe, "analyze", Path.Combine(temp.Info.FullName, "track.json"), temp.Info.FullName);
        Assert.True(code == 0, output);
        Assert.Contains("500 instances died", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(temp.Info.FullName, "track.md")));

        File.WriteAllText(Path.Combine(temp.Info.FullName, "bad.json"), "{\"formatVersion\":2,\"startedUtc\":null}");
        (code, output) = ChildProcess.Run("dotnet", root, exe, "analyze", Path.Combine(temp.Info.FullName, "bad.json"));
        Assert.Equal(1, code);
        Assert.Contains("bad.json: startedUtc: expected a date string, found null", output, StringComparison.Ordinal);
    }
}
