using Toolkit.Harness.Reporting.Statistics;
using Toolkit.Harness.Results;

namespace Toolkit.Harness.Reporting;

/// <summary>
/// The whole-process runs of one view of a results file (<see cref="ResultsViews"/>), indexed by tool,
/// variant, size and operation, counted runs only: the engine's variants and the peers alike, so every
/// page compares them on the same figures. A schema-1 file has only the peers' dry runs.
/// </summary>
public sealed class ProcessAnalysis
{
    private static readonly IReadOnlyList<string> KnownPeers = Measuring.PeerTool.Names; // the one list of peers, in its order

    private readonly Dictionary<(string Tool, string? Variant, int Sources, string Operation), ProcessRecord> _records = [];

    /// <summary>Indexes the processes of <paramref name="view"/>.</summary>
    public ProcessAnalysis(ScaleResults view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var records = view.Processes ?? view.Peers.Select(p => new ProcessRecord(p.Tool, null, p.Sources, 0, ProcessOperations.DryRun, p.Command, p.SkippedBecause, p.Runs.Select((r, i) => new ProcessRun(i + 1, i, false, r.PeakRssBytes, r.WallSeconds, 0, 0)).ToArray())).ToArray();
        foreach (var record in records)
        {
            _records[(record.Tool, record.Variant, record.Sources, record.Operation)] = record;
        }

        var peers = records.Where(r => r.Tool != ProcessRecord.EngineTool).Select(r => r.Tool).Distinct(StringComparer.Ordinal).ToArray();
        Peers = KnownPeers.Where(peers.Contains).Concat(peers.Except(KnownPeers).Order(StringComparer.Ordinal)).ToArray();
        Operations = ProcessOperations.All.Where(op => records.Any(r => r.Operation == op)).ToArray();
        HasEngine = records.Any(r => r.Tool == ProcessRecord.EngineTool);
    }

    /// <summary>The peers present (measured or skipped), make, ninja, samurai, scons first.</summary>
    public IReadOnlyList<string> Peers { get; }

    /// <summary>The operations with any record, in <see cref="ProcessOperations.All"/> order.</summary>
    public IReadOnlyList<string> Operations { get; }

    /// <summary>True when the engine's variants were measured as whole processes (schema 2).</summary>
    public bool HasEngine { get; }

    /// <summary>The record of a tool (variant null for a peer) doing an operation at a size, or null.</summary>
    public ProcessRecord? Find(string tool, string? variant, int sources, string operation) =>
        _records.GetValueOrDefault((tool, variant, sources, operation));

    /// <summary>The counted peak RSS of each run, bytes; empty when not measured.</summary>
    public double[] PeakRss(string tool, string? variant, int sources, string operation) =>
        Find(tool, variant, sources, operation) is { SkippedBecause: null } r ? r.Counted.Select(x => (double)x.PeakRssBytes).ToArray() : [];

    /// <summary>The counted wall time of each run, seconds; empty when not measured.</summary>
    public double[] Wall(string tool, string? variant, int sources, string operation) =>
        Find(tool, variant, sources, operation) is { SkippedBecause: null } r ? r.Counted.Select(x => x.WallSeconds).ToArray() : [];

    /// <summary>The median and interval of a sample, or null for an empty one.</summary>
    public static Estimate? Median(double[] sample) => sample.Length == 0 ? null : Bootstrap.MedianInterval(sample);

    /// <summary>Why a peer was not measured at a size, or null.</summary>
    public string? SkippedBecause(string tool, int sources, string operation) => Find(tool, null, sources, operation)?.SkippedBecause;
}
