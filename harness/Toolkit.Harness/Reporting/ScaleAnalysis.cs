using Toolkit.Harness.Measuring;
using Toolkit.Harness.Reporting.Statistics;
using Toolkit.Harness.Results;
using Toolkit.Optimizations;

namespace Toolkit.Harness.Reporting;

/// <summary>
/// The results indexed for the pages: sizes ascending, variants in the factory's order (names the
/// factory does not know after them, ordinal), peers (make, ninja, scons, then others), the runs of each
/// (variant, size), the medians, savings and ratios with their intervals, and each variant's page prose
/// (<see cref="Technique"/>), all from one <see cref="VariantFactory"/>.
/// </summary>
public sealed class ScaleAnalysis
{
    /// <summary>The name every saving and ratio is measured against.</summary>
    public const string BaselineName = BaselineVariant.VariantName;

    private static readonly IReadOnlyList<string> KnownPeers = PeerTool.Names; // the one list of peers, in its order

    private readonly Dictionary<(string Variant, int Sources), List<FootprintRecord>> _runs = [];
    private readonly Dictionary<int, ProjectRecord> _projects;
    private readonly VariantFactory _variants;

    // Estimates are asked for many times by several pages; each costs a bootstrap, so each is computed once.
    private readonly Dictionary<(char Kind, string Variant, int Sources, int Metric), Estimate> _estimates = [];

    /// <summary>Indexes <paramref name="results"/> (validated by <see cref="ResultsValidator"/>) with the project's variants.</summary>
    public ScaleAnalysis(ScaleResults results)
        : this(results, VariantFactory.Default)
    {
    }

    /// <summary>Indexes <paramref name="results"/>, ordering and describing variants by <paramref name="variants"/>.</summary>
    public ScaleAnalysis(ScaleResults results, VariantFactory variants)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(variants);
        Results = results;
        _variants = variants;
        _projects = results.Projects.ToDictionary(p => p.Sources);
        foreach (var run in results.Runs)
        {
            if (!_runs.TryGetValue((run.Variant, run.Sources), out var list))
            {
                _runs[(run.Variant, run.Sources)] = list = [];
            }

            list.Add(run.Footprint);
        }

        Variants = Ordered(results.Runs.Select(r => r.Variant), variants.Names);
        Peers = Ordered(results.Peers.Select(p => p.Tool), KnownPeers)
            .Select(tool => new PeerSeries(tool, results.Peers.Where(p => p.Tool == tool).GroupBy(p => p.Sources).ToDictionary(g => g.Key, g => g.First())))
            .ToArray();
        Sizes = results.Runs.Select(r => r.Sources).Concat(results.Peers.Select(p => p.Sources)).Distinct().Order().ToArray();
    }

    /// <summary>The results analysed.</summary>
    public ScaleResults Results { get; }

    /// <summary>Every size with runs or peers, ascending.</summary>
    public IReadOnlyList<int> Sizes { get; }

    /// <summary>Every variant with runs, baseline first.</summary>
    public IReadOnlyList<string> Variants { get; }

    /// <summary>Every peer tool in the file, measured or skipped.</summary>
    public IReadOnlyList<PeerSeries> Peers { get; }

    /// <summary>True when baseline runs exist, so savings can be computed.</summary>
    public bool HasBaseline => Variants.Contains(BaselineName);

    /// <summary>The variants that are optimizations (all but baseline).</summary>
    public IReadOnlyList<string> Optimizations => Variants.Where(v => v != BaselineName).ToArray();

    /// <summary>The page prose of a variant, or null for the baseline and for a name the factory does not know.</summary>
    public TechniqueDescription? Technique(string variant) => _variants.Find(variant)?.Technique;

    /// <summary>The figure a variant is judged by (its technique's, else retained bytes after the build).</summary>
    public MemoryMetric JudgedBy(string variant) => Technique(variant)?.JudgedBy ?? MemoryMetric.RetainedAfterBuild;

    /// <summary>The project's node count at a size (the x axis of every chart).</summary>
    public long NodesAt(int sources) => _projects[sources].Nodes;

    /// <summary>True when the variant ran at the size.</summary>
    public bool Has(string variant, int sources) => _runs.ContainsKey((variant, sources));

    /// <summary>Sizes at which the variant ran, ascending.</summary>
    public IReadOnlyList<int> SizesOf(string variant) => Sizes.Where(s => Has(variant, s)).ToArray();

    /// <summary>The largest size at which both the variant and baseline ran, or null.</summary>
    public int? LargestComparableSize(string variant) =>
        Sizes.Where(s => Has(variant, s) && Has(BaselineName, s)).Select(s => (int?)s).LastOrDefault();

    /// <summary>One value per run of the variant at the size.</summary>
    public double[] Sample(string variant, int sources, Func<FootprintRecord, double> value) =>
        _runs.TryGetValue((variant, sources), out var list) ? list.Select(value).ToArray() : [];

    /// <summary>The memory figure of a run, per node.</summary>
    public double PerNode(FootprintRecord run, int sources, MemoryMetric metric) => metric switch
    {
        MemoryMetric.RetainedAfterBuild => run.BytesPerNode,
        MemoryMetric.RetainedAfterLoad => run.BytesPerNodeAfterLoad,
        MemoryMetric.PeakRssPerNode => (double)run.PeakRssBytes / NodesAt(sources),
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "unknown metric"),
    };

    /// <summary>The median memory per node of a variant at a size, with its interval.</summary>
    public Estimate Memory(string variant, int sources, MemoryMetric metric) =>
        Cached('m', variant, sources, (int)metric, () => Bootstrap.MedianInterval(Sample(variant, sources, r => PerNode(r, sources, metric))));

    /// <summary>Baseline's memory per node minus the variant's (positive = saved), with its interval.</summary>
    public Estimate Saving(string variant, int sources, MemoryMetric metric) => Cached('s', variant, sources, (int)metric, () =>
        Bootstrap.Difference(Sample(BaselineName, sources, r => PerNode(r, sources, metric)), Sample(variant, sources, r => PerNode(r, sources, metric))));

    /// <summary>The variant's median of a time over baseline's, with its interval.</summary>
    public Estimate TimeRatio(string variant, int sources, TimeMetric metric) => Cached('t', variant, sources, (int)metric, () =>
        Bootstrap.Ratio(Sample(variant, sources, r => Time(r, metric)), Sample(BaselineName, sources, r => Time(r, metric))));

    /// <summary>The median of a time of the variant at the size.</summary>
    public double MedianTime(string variant, int sources, TimeMetric metric) =>
        Bootstrap.Median(Sample(variant, sources, r => Time(r, metric)));

    /// <summary>A time of a run.</summary>
    public static double Time(FootprintRecord run, TimeMetric metric) => metric == TimeMetric.Load ? run.LoadSeconds : run.NullBuildSeconds;

    /// <summary>The median peak RSS of a variant at a size.</summary>
    public double MedianPeakRss(string variant, int sources) => Bootstrap.Median(Sample(variant, sources, r => r.PeakRssBytes));

    /// <summary>The median peak RSS of a peer at a size, or null when it did not run there.</summary>
    public static double? MedianPeakRss(PeerSeries peer, int sources) =>
        peer.BySize.TryGetValue(sources, out var record) && record.SkippedBecause is null && record.Runs.Count > 0
            ? Bootstrap.Median(record.Runs.Select(r => (double)r.PeakRssBytes).ToArray())
            : null;

    /// <summary>The median wall time of a peer at a size, or null when it did not run there.</summary>
    public static double? MedianWallSeconds(PeerSeries peer, int sources) =>
        peer.BySize.TryGetValue(sources, out var record) && record.SkippedBecause is null && record.Runs.Count > 0
            ? Bootstrap.Median(record.Runs.Select(r => r.WallSeconds).ToArray())
            : null;

    private Estimate Cached(char kind, string variant, int sources, int metric, Func<Estimate> compute)
    {
        if (!_estimates.TryGetValue((kind, variant, sources, metric), out var estimate))
        {
            _estimates[(kind, variant, sources, metric)] = estimate = compute();
        }

        return estimate;
    }

    private static string[] Ordered(IEnumerable<string> names, IReadOnlyList<string> known)
    {
        var present = names.Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        return known.Where(present.Contains).Concat(present.Except(known, StringComparer.Ordinal).Order(StringComparer.Ordinal)).ToArray();
    }
}
