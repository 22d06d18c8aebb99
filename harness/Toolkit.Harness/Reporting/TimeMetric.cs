namespace Toolkit.Harness.Reporting;

/// <summary>Which time of a run a ratio to baseline is taken of.</summary>
public enum TimeMetric
{
    /// <summary>Opening the project: manifest, scan, database (footprint's loadSeconds).</summary>
    Load,

    /// <summary>Opening the unchanged project again and building with nothing to do (nullBuildSeconds).</summary>
    NullBuild,
}
