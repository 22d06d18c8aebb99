namespace Toolkit.Harness.Reporting;

/// <summary>Which bytes-per-node figure a technique is judged by.</summary>
public enum MemoryMetric
{
    /// <summary>Live managed heap per node after loading and building, graph alive (footprint's bytesPerNode).</summary>
    RetainedAfterBuild,

    /// <summary>Live managed heap per node after loading only.</summary>
    RetainedAfterLoad,

    /// <summary>Whole-process peak RSS divided by the project's nodes.</summary>
    PeakRssPerNode,
}
