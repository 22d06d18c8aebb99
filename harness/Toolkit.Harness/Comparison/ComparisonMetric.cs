using Toolkit.Harness.Measuring;

namespace Toolkit.Harness.Comparison;

/// <summary>One metric <c>toolkit compare</c> tabulates: its results-file name, what it means, its unit and which way is better.</summary>
/// <param name="Name">The property name in the results JSON (camelCase).</param>
/// <param name="Description">What it is, in a few words.</param>
/// <param name="Unit">"bytes" or "s".</param>
/// <param name="Select">Reads the value from one run.</param>
/// <param name="SmallerIsBetter">True for bytes and seconds.</param>
public sealed record ComparisonMetric(string Name, string Description, string Unit, Func<FootprintRecord, double> Select, bool SmallerIsBetter = true)
{
    /// <summary>The metrics, in the order the tables are printed.</summary>
    public static IReadOnlyList<ComparisonMetric> All { get; } =
    [
        new("bytesPerNode", "retained bytes per node after build", "bytes", r => r.BytesPerNode),
        new("retainedBytesAfterLoad", "retained bytes after load", "bytes", r => r.RetainedBytesAfterLoad),
        new("peakRssBytes", "whole-process peak RSS", "bytes", r => r.PeakRssBytes),
        new("allocatedBytes", "bytes allocated by load and build", "bytes", r => r.AllocatedBytes),
        new("loadSeconds", "time to load", "s", r => r.LoadSeconds),
        new("buildSeconds", "time of the measured build", "s", r => r.BuildSeconds),
        new("nullBuildSeconds", "time of a null build", "s", r => r.NullBuildSeconds),
    ];
}
