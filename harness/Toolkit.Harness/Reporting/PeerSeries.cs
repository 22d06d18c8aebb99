using Toolkit.Harness.Results;

namespace Toolkit.Harness.Reporting;

/// <summary>One peer tool's records by size, and why it was skipped when it never ran.</summary>
public sealed record PeerSeries(string Tool, IReadOnlyDictionary<int, PeerRecord> BySize)
{
    /// <summary>Sizes at which the peer ran, ascending.</summary>
    public IReadOnlyList<int> MeasuredSizes => BySize.Where(p => p.Value.SkippedBecause is null && p.Value.Runs.Count > 0).Select(p => p.Key).Order().ToArray();

    /// <summary>The reason of the first skipped record (smallest size), or null when it always ran.</summary>
    public string? SkippedBecause => BySize.OrderBy(p => p.Key).Select(p => p.Value.SkippedBecause).FirstOrDefault(r => r is not null);
}
