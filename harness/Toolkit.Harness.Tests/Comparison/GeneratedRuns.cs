using Toolkit.Harness.Measuring;
using Toolkit.Harness.Results;

namespace Toolkit.Harness.Tests.Comparison;

/// <summary>Generated samples and results files for the comparison tests: seeded, so every run sees the same numbers.</summary>
internal static class GeneratedRuns
{
    /// <summary>n values around <paramref name="center"/> with a relative spread of <paramref name="spread"/> (uniform, seeded).</summary>
    public static double[] Sample(int seed, int count, double center, double spread)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => center * (1 + spread * (2 * random.NextDouble() - 1))).ToArray();
    }

    /// <summary>A footprint whose every metric is <paramref name="scale"/> times a seeded base value.</summary>
    public static FootprintRecord Footprint(string variant, double scale) => new()
    {
        Variant = variant,
        Nodes = 1000,
        Edges = 5000,
        RetainedBytesAfterLoad = (long)(400_000 * scale),
        RetainedBytesAfterBuild = (long)(500_000 * scale),
        BytesPerNode = 500 * scale,
        BytesPerNodeAfterLoad = 400 * scale,
        AllocatedBytes = (long)(2_000_000 * scale),
        PeakRssBytes = (long)(80_000_000 * scale),
        RssBytes = (long)(70_000_000 * scale),
        Gen0Collections = 1,
        Gen1Collections = 0,
        Gen2Collections = 0,
        GcPauseSeconds = 0.001,
        LoadSeconds = 0.2 * scale,
        BuildSeconds = 0.5 * scale,
        ActionsRun = 100,
        NullBuildSeconds = 0.3 * scale,
        DryRun = false,
    };

    /// <summary>
    /// A results file with <paramref name="count"/> counted runs (and one slow warm-up run) of "baseline" at
    /// 1k sources, footprints and whole-process runs of every operation, each scaled by shift times a small seeded noise.
    /// </summary>
    public static ScaleResults Results(int seed, int count, double shift)
    {
        var noise = Sample(seed, count, 1, 0.01);
        var warmup = new RunRecord(1000, "baseline", 0, 0, Footprint("baseline", shift * 3), Warmup: true);
        var processes = ProcessOperations.All.Select(op => new ProcessRecord(ProcessRecord.EngineTool, "baseline", 1000, 0, op, "toolkit build", null,
            [new ProcessRun(0, 0, true, (long)(90_000_000 * shift * 2), 2 * shift, 0.1, 0.1), .. noise.Select((n, i) => new ProcessRun(i + 1, i + 1, false, (long)(90_000_000 * shift * n), 0.4 * shift * n, 0.1, 0.1))])).ToArray();
        return new ScaleResults
        {
            SchemaVersion = ScaleResults.CurrentSchemaVersion,
            CreatedUtc = "2026-01-01T00:00:00Z",
            Toolkit = new ToolkitInfo("test", "abc123"),
            Machine = new MachineInfo("cpu", 2, 1 << 30, "linux", "10.0"),
            Options = new ScaleOptionsRecord("c-libraries", 1, [1000], ["baseline"], count, "none", false, Warmup: 1),
            Projects = [new ProjectRecord(1000, 1000, 5000, 100, 200, 0.1, false)],
            Runs = [warmup, .. noise.Select((n, i) => new RunRecord(1000, "baseline", i + 1, i + 1, Footprint("baseline", shift * n)))],
            Peers = [],
            Processes = processes,
        };
    }
}
