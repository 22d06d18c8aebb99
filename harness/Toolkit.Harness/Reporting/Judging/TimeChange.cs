namespace Toolkit.Harness.Reporting.Judging;

/// <summary>One judged time of a technique at a point: the change against baseline and both medians (seconds).</summary>
/// <param name="Label">The time's name ("null build").</param>
/// <param name="Change">variant / baseline, judged.</param>
/// <param name="BaselineMedian">Baseline's median, seconds.</param>
/// <param name="VariantMedian">The variant's median, seconds.</param>
public sealed record TimeChange(string Label, Change Change, double BaselineMedian, double VariantMedian);
