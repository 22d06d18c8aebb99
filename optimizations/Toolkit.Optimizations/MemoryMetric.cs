namespace Toolkit.Optimizations;

/// <summary>Which bytes-per-node figure a variant is judged by on its page (<see cref="TechniqueDescription.JudgedBy"/>).</summary>
public enum MemoryMetric
{
    /// <summary>Live managed heap per node after loading and building, graph alive (footprint's bytesPerNode).</summary>
    RetainedAfterBuild,

    /// <summary>Live managed heap per node after loading only.</summary>
    RetainedAfterLoad,

    /// <summary>Whole-process peak RSS divided by the project's nodes.</summary>
    PeakRssPerNode,
}
