using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Toolkit.Harness.Benchmarks;

/// <summary>
/// A BenchmarkDotNet column showing the live heap a benchmark's graph keeps (not what it allocates):
/// "Retained" in bytes, or "Retained/Node". Values come from <see cref="RetainedBytesRecorder"/>
/// records written during this run; a benchmark that records nothing shows "-".
/// </summary>
public sealed class RetainedBytesColumn : IColumn
{
    private readonly bool _perNode;
    private readonly DateTime _since;

    /// <summary>Creates the column; only records written from now on are shown.</summary>
    public RetainedBytesColumn(bool perNode)
    {
        _perNode = perNode;
        _since = DateTime.UtcNow.AddSeconds(-1);
    }

    /// <inheritdoc />
    public string Id => _perNode ? "RetainedBytesPerNode" : "RetainedBytes";

    /// <inheritdoc />
    public string ColumnName => _perNode ? "Retained/Node" : "Retained";

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Metric;

    /// <inheritdoc />
    public int PriorityInCategory => _perNode ? 101 : 100;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => _perNode
        ? "Live managed bytes the benchmark's graph keeps, per node, after loading (no build): the scale pages' after-load figure, in brackets; their headline figure is after loading and building (docs/measuring.md#two-retained-figures)"
        : "Live managed bytes the benchmark's graph keeps (after full compacting GCs), in bytes";

    /// <summary>The record of a benchmark case, or null.</summary>
    public GraphFootprint? Read(BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var key = RetainedBytesRecorder.Key(
            benchmarkCase.Descriptor.Type,
            benchmarkCase.Descriptor.WorkloadMethod.Name,
            benchmarkCase.Parameters.Items.Select(p => (p.Name, (object?)p.Value)));
        return RetainedBytesRecorder.TryRead(key, _since);
    }

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var record = Read(benchmarkCase);
        if (record is null)
        {
            return "-";
        }

        var c = CultureInfo.InvariantCulture;
        if (_perNode)
        {
            return record.Nodes > 0 ? (record.RetainedBytes / (double)record.Nodes).ToString("N1", c) + " B" : "-";
        }

        return record.RetainedBytes.ToString("N0", c) + " B";
    }

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc />
    public override string ToString() => ColumnName;
}
