namespace Toolkit.Harness.Reporting;

/// <summary>What the data says about a technique at one point (Judging/TechniqueJudge).</summary>
public enum VerdictKind
{
    /// <summary>A measurable saving and no measurable time cost beyond the threshold.</summary>
    Recommended,

    /// <summary>A measurable saving, and a measurable time cost beyond the threshold.</summary>
    RecommendedWhenMemoryMatters,

    /// <summary>No measurable saving: the interval holds no change, or a change within the threshold.</summary>
    NoMeasurableSaving,

    /// <summary>The technique holds measurably more memory than baseline.</summary>
    CostsMemory,

    /// <summary>Too few runs on one side for an interval: no verdict is claimed.</summary>
    TooFewRuns,

    /// <summary>The technique or baseline did not run at this point.</summary>
    NotMeasured,
}
