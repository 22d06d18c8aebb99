using System.Text;
using Toolkit.Harness.Measuring;
using Toolkit.Harness.Reporting.Judging;
using Toolkit.Harness.Reporting.Statistics;
using Toolkit.Harness.Results;

using Toolkit.Optimizations;

namespace Toolkit.Harness.Reporting.Pages;

/// <summary>
/// results/memory.md, "Where the memory goes": for each variant, at the largest size it ran, the whole
/// process's peak taken apart into the runtime's fixed cost, the retained graph, the garbage and free
/// space the collector holds (GC.GetGCMemoryInfo, per generation), and what loading and building
/// allocate on the way; each part linked to the technique or setting that removes it.
/// </summary>
public static class MemoryPage
{
    /// <summary>The page's text.</summary>
    public static string Render(PageModel model, PageLinks links)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(links);
        var page = new StringBuilder();
        page.Append("# Where the memory goes\n\n");
        page.Append(PageText.Provenance(model.Results)).Append(" [Back to the results](README.md).\n\n");
        page.Append("The engine's peak resident memory is much more than the graph it keeps. Each section below takes one variant's peak apart at the largest size it ran, from the figures every run records: ");
        page.Append("the whole process's peak RSS (from outside, as the peers are measured), the resident memory before the project is read (the runtime's fixed cost), the live managed heap the graph retains (after full compacting collections), ");
        page.Append("the heap the collector reported at its last collection during loading and building (`GC.GetGCMemoryInfo`: heap size, free space between objects, memory committed from the OS, per generation), ");
        page.Append($"and the bytes allocated by each phase (most of it garbage, never resident all at once). The parts are read at different moments, so they do not add up exactly; the table says what each is and what removes it. Medians of the counted runs. [How each figure is read]({links.Measuring("where-the-memory-goes")}).\n\n");
        foreach (var variant in model.Variants)
        {
            Section(page, model, links, variant);
        }

        return page.ToString();
    }

    private static void Section(StringBuilder page, PageModel model, PageLinks links, string variant)
    {
        var a = model.Analysis;
        var sizes = a.SizesOf(variant);
        page.Append($"## {variant}\n\n");
        if (sizes.Count == 0)
        {
            page.Append("Not measured.\n\n");
            return;
        }

        var sources = sizes[^1];
        var nodes = a.NodesAt(sources);
        var runs = a.Sample(variant, sources, r => r.Nodes).Length;
        double Median(Func<FootprintRecord, double?> f)
        {
            var values = a.Sample(variant, sources, r => f(r) ?? double.NaN).Where(double.IsFinite).ToArray();
            return values.Length == 0 ? double.NaN : Bootstrap.Median(values);
        }

        var processPeak = model.Processes.PeakRss(ProcessRecord.EngineTool, variant, sources, ProcessOperations.FullBuild);
        var peak = processPeak.Length > 0 ? Bootstrap.Median(processPeak) : Median(r => r.PeakRssBytes);
        var peakSource = processPeak.Length > 0 ? "whole process, full build, from outside (rusage)" : "the measuring child's own peak (VmHWM; no whole-process run in these results)";
        var runtime = Median(r => r.RuntimeRssBytes);
        var retained = Median(r => r.RetainedBytesAfterBuild);
        var loadGc = Phase(a, variant, sources, r => r.LoadGc);
        var buildGc = Phase(a, variant, sources, r => r.BuildGc);
        var garbage = Median(r => r.LoadGc is { } g && r.LiveHeapBeforeBytes is { } before ? g.TotalMemoryBytes - before - r.RetainedBytesAfterLoad : null);
        var committed = Math.Max(Median(r => r.LoadGc?.CommittedBytes), Median(r => r.BuildGc?.CommittedBytes));
        page.Append($"At {Format.Count(sources)} sources ({Format.Count(nodes)} nodes), medians of {runs} runs.\n\n");
        var rows = new List<IReadOnlyList<string>>
        {
            Row("peak RSS: " + peakSource, peak, nodes, "the parts below"),
            Row("runtime fixed cost: resident before the project is read (the .NET runtime, JIT-compiled code, the toolkit's own heap)", runtime, nodes, $"a NativeAOT engine executable, measured with `toolkit scale --engine` ([the engine command]({links.Measuring("the-engine-command")}))"),
            Row("retained graph: live managed heap kept after the build", retained, nodes, RetainedRemedy(model, variant, sources)),
            Row("garbage not yet collected at the end of loading (heap in use minus what survives)", garbage, nodes, $"a smaller gen-0 budget (`DOTNET_GCgen0size`) collects it sooner ([GC settings]({links.Measuring("gc-settings")}))"),
            Row("free space in the heap after the last collection during loading (fragmentation)", loadGc.Collected ? Median(r => r.LoadGc?.FragmentedBytes) : double.NaN, nodes, $"`DOTNET_GCConserveMemory` compacts to give it back ([GC settings]({links.Measuring("gc-settings")}))"),
            Row("memory the GC had committed from the OS (largest of the end of loading and of building)", committed, nodes, $"the two settings above ([GC settings]({links.Measuring("gc-settings")}))"),
            Row("allocated while loading (transient: bytes per node allocated, not resident at once)", Median(r => r.AllocatedBytesByLoad), nodes, $"a load path that allocates little: pooled buffers, no string per token ([transient allocation]({links.Measuring("transient-allocation")}))"),
            Row("allocated while building (transient)", Median(r => r.AllocatedBytesByBuild), nodes, Link(model, "chunked-hashing", "no file-sized buffer per hash") ?? "hashing in blocks (chunked hashing)"),
        };
        var rest = peak - runtime - committed;
        rows.Add(Row("the rest of the peak: native memory, code, stacks, file buffers, and heap the GC committed between its collections (peak − fixed cost − committed)", double.IsFinite(rest) && rest > 0 ? rest : double.NaN, nodes, "–"));
        page.Append(MarkdownTable.Render(["part", "bytes", "bytes per node", "what removes it"], rows));
        page.Append('\n');
        Generations(page, "loading", loadGc);
        Generations(page, "the build", buildGc);
    }

    private static (bool Collected, GcSnapshot? Snapshot) Phase(ScaleAnalysis a, string variant, int sources, Func<FootprintRecord, GcSnapshot?> select)
    {
        // The median run by heap size, so one run's own generations are shown together.
        var snapshots = RunsOf(a, variant, sources).Select(select).OfType<GcSnapshot>().Where(g => g.CollectionsInPhase > 0).OrderBy(g => g.HeapSizeBytes).ToArray();
        return snapshots.Length == 0 ? (false, null) : (true, snapshots[snapshots.Length / 2]);
    }

    private static IEnumerable<FootprintRecord> RunsOf(ScaleAnalysis a, string variant, int sources) =>
        a.Results.Runs.Where(r => r.Variant == variant && r.Sources == sources).Select(r => r.Footprint);

    private static void Generations(StringBuilder page, string phase, (bool Collected, GcSnapshot? Snapshot) gc)
    {
        if (!gc.Collected || gc.Snapshot is not { } s)
        {
            page.Append($"No collection ran during {phase}, so the GC has no account of its own of that phase.\n\n");
            return;
        }

        page.Append($"The GC's last collection during {phase} (generation {s.Generation}, {s.CollectionsInPhase} collections in the phase; the run with the median heap): heap {Format.Megabytes(s.HeapSizeBytes)}, free space {Format.Megabytes(s.FragmentedBytes)}, committed {Format.Megabytes(s.CommittedBytes)}, survived {Format.Megabytes(s.PromotedBytes)}.\n\n");
        page.Append(MarkdownTable.Render(
            ["generation", "size before", "size after", "free space before", "free space after"],
            s.Generations.Select(g => (IReadOnlyList<string>)[g.Name, Format.Megabytes(g.SizeBeforeBytes), Format.Megabytes(g.SizeAfterBytes), Format.Megabytes(g.FragmentationBeforeBytes), Format.Megabytes(g.FragmentationAfterBytes)])));
        page.Append('\n');
    }

    private static IReadOnlyList<string> Row(string part, double bytes, long nodes, string remedy) =>
        [part, double.IsFinite(bytes) ? Format.Megabytes(bytes) : "–", double.IsFinite(bytes) ? Format.PerNode(bytes / nodes) : "–", remedy];

    /// <summary>The variants that measurably save retained memory at the size, best first: what removes the retained graph.</summary>
    private static string RetainedRemedy(PageModel model, string variant, int sources)
    {
        var savers = model.Verdicts
            .Where(v => v.Value.Metric != MemoryMetric.PeakRssPerNode)
            .Select(v => (Variant: v.Key, At: v.Value.Points.FirstOrDefault(p => p.Point.LargeFiles == 0 && p.Point.Sources == sources)))
            .Where(v => v.At?.Memory is { Kind: ChangeKind.Smaller })
            .OrderByDescending(v => v.At!.Saving)
            .ThenBy(v => v.Variant, StringComparer.Ordinal)
            .Take(3)
            .ToArray();
        if (savers.Length == 0)
        {
            return "no variant measurably keeps less at this size";
        }

        var prefix = variant == ScaleAnalysis.BaselineName ? string.Empty : "against baseline: ";
        return prefix + string.Join(", ", savers.Select(v => $"[{v.Variant}](recommendations/{v.Variant}.md) ({Format.SignedPercent(v.At!.Memory!.Value.Ratio.Value - 1)})"));
    }

    private static string? Link(PageModel model, string variant, string what) =>
        model.Verdicts.ContainsKey(variant) ? $"[{variant}](recommendations/{variant}.md): {what}" : null;
}
