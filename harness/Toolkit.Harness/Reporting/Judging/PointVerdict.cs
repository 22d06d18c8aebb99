namespace Toolkit.Harness.Reporting.Judging;

/// <summary>A technique's verdict at one point: the memory change it is judged by, each time change, the kind and the sentence.</summary>
/// <param name="Variant">The technique's variant.</param>
/// <param name="Point">Where.</param>
/// <param name="Kind">The verdict.</param>
/// <param name="Memory">The judged memory figure, variant against baseline (null when not measured).</param>
/// <param name="Saving">median(baseline) − median(variant) of that figure, in its unit (positive = saved).</param>
/// <param name="Times">Each judged time, variant against baseline.</param>
/// <param name="Text">The verdict as the pages print it.</param>
public sealed record PointVerdict(string Variant, JudgedPoint Point, VerdictKind Kind, Change? Memory, double Saving, IReadOnlyList<TimeChange> Times, string Text)
{
    /// <summary>The short form of the kind: "recommended", "no measurable saving", ...</summary>
    public string Short => Names(Kind);

    /// <summary>The short form of a kind.</summary>
    public static string Names(VerdictKind kind) => kind switch
    {
        VerdictKind.Recommended => "recommended",
        VerdictKind.RecommendedWhenMemoryMatters => "recommended when memory matters more than time",
        VerdictKind.NoMeasurableSaving => "not recommended: no measurable saving",
        VerdictKind.CostsMemory => "not recommended: costs memory",
        VerdictKind.TooFewRuns => "no verdict: too few runs",
        _ => "not measured",
    };
}
