using Toolkit.Harness.Measuring;
using Toolkit.Harness.Results;

namespace Toolkit.Harness.Comparison;

/// <summary>One metric <c>toolkit compare</c> tabulates: its name, what it means, its unit and which way is better.</summary>
/// <param name="Name">The metric's name in the output (camelCase; footprint fields keep their results-file names).</param>
/// <param name="Description">What it is, in a few words.</param>
/// <param name="Unit">"bytes" or "s".</param>
/// <param name="SmallerIsBetter">True for bytes and seconds.</param>
public sealed record ComparisonMetric(string Name, string Description, string Unit, bool SmallerIsBetter = true)
{
    /// <summary>The metrics of the managed-heap child (<c>toolkit footprint</c>), with how each is read from a run.</summary>
    public static IReadOnlyList<(ComparisonMetric Metric, Func<FootprintRecord, double> Select)> Footprint { get; } =
    [
        (new("bytesPerNode", "retained bytes per node after build", "bytes"), r => r.BytesPerNode),
        (new("retainedBytesAfterLoad", "retained bytes after load", "bytes"), r => r.RetainedBytesAfterLoad),
        (new("peakRssBytes", "the measuring child's peak RSS", "bytes"), r => r.PeakRssBytes),
        (new("allocatedBytes", "bytes allocated by load and build", "bytes"), r => r.AllocatedBytes),
        (new("loadSeconds", "time to load", "s"), r => r.LoadSeconds),
        (new("buildSeconds", "time of the measured build", "s"), r => r.BuildSeconds),
        (new("nullBuildSeconds", "time of a null build in the child", "s"), r => r.NullBuildSeconds),
    ];

    /// <summary>The whole-process metrics of an operation: its peak RSS and its wall time.</summary>
    public static (ComparisonMetric PeakRss, ComparisonMetric Wall) Process(string operation)
    {
        var label = ProcessOperations.Label(operation);
        var stem = string.Concat(operation.Split('-').Select((w, i) => i == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
        return (new(stem + "PeakRssBytes", $"{label}: whole-process peak RSS", "bytes"), new(stem + "WallSeconds", $"{label}: whole-process wall time", "s"));
    }
}
