namespace Toolkit.Harness.Reporting;

/// <summary>What the data says about a technique.</summary>
public enum VerdictKind
{
    /// <summary>A measurable saving at a small time cost.</summary>
    Recommended,

    /// <summary>A measurable saving, paid for with a noticeable time cost.</summary>
    RecommendedWhenMemoryMatters,

    /// <summary>The saving's interval reaches zero (or it is too small to matter).</summary>
    NoMeasurableSaving,

    /// <summary>The technique holds measurably more memory than baseline.</summary>
    CostsMemory,

    /// <summary>No size at which both the technique and baseline ran.</summary>
    NotMeasured,
}
