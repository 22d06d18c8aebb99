using System.Runtime.CompilerServices;
using Toolkit.Introspection.Tests.Sizing;
using Toolkit.Introspection.Tracking;

namespace Toolkit.Introspection.Tests.Tracking;

/// <summary>ExpectDead: what survives a full collection is reported, with its retention paths from a snapshot of the process's own heap.</summary>
public sealed class ExpectDeadTests
{
    private static readonly List<object> Kept = [];

    [Fact]
    public void The_static_event_and_the_static_cache_leaks_of_the_test_target_are_found_with_their_paths()
    {
        var (code, output) = ChildProcess.Run("dotnet", AppContext.BaseDirectory, "exec", SizerTargetProcess.LocateTarget(), "expect-dead");

        Assert.True(code == 0, output);
        Assert.StartsWith("expected dead: 3, died: 1, survived: 2", output, StringComparison.Ordinal);
        var listener = Section(output, "survivor listener: LeakListener");
        Assert.Contains("root Static Toolkit.SizerTarget.Leaks.Changed:", listener, StringComparison.Ordinal);
        Assert.Matches(@"0x[0-9a-f]+ System\.EventHandler\n\s+\._target -> 0x[0-9a-f]+ Toolkit\.SizerTarget\.LeakListener", listener);
        var cached = Section(output, "survivor cached document: LeakDocument");
        Assert.Contains("root Static Toolkit.SizerTarget.Leaks.Cache:", cached, StringComparison.Ordinal);
        Assert.Contains("._entries -> ", cached, StringComparison.Ordinal);
        Assert.DoesNotContain("freed document", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ExpectDeadProbe", output, StringComparison.Ordinal); // the array holding them for the capture is no path
    }

    [Fact]
    public void Without_paths_a_check_tells_the_dead_from_the_kept()
    {
        using var tracker = new ClassTracker();
        Expect(tracker);
        var report = tracker.CheckExpectedDead(new ExpectDeadOptions { Paths = false });
        Assert.Equal((2, 1), (report.Expected, report.Died));
        var survivor = Assert.Single(report.Survivors);
        Assert.Equal("kept", survivor.Label);
        Assert.Equal("Object[]", survivor.Type);
        Assert.Contains("no retention paths: not asked for", report.ToText(), StringComparison.Ordinal);
        Kept.Clear();
        Assert.True(tracker.CheckExpectedDead(new ExpectDeadOptions { Paths = false }).AllDied);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Expect(ClassTracker tracker)
    {
        var kept = new object[4];
        Kept.Add(kept);
        tracker.ExpectDead(kept, "kept");
        tracker.ExpectDead(new object[4], "dropped");
    }

    // From the header line to the next survivor (or the end).
    private static string Section(string output, string header)
    {
        int start = output.IndexOf(header, StringComparison.Ordinal);
        Assert.True(start >= 0, output);
        int end = output.IndexOf("\nsurvivor ", start + header.Length, StringComparison.Ordinal);
        return output[start..(end < 0 ? output.Length : end)];
    }
}
