namespace Toolkit.Harness.Comparison;

/// <summary>The words <c>toolkit compare</c> prints for each <see cref="Verdict"/> (also its JSON and CSV values).</summary>
public static class VerdictNames
{
    /// <summary>"same", "better", "worse", "no measurable difference" or "too few runs".</summary>
    public static string Name(Verdict verdict) => verdict switch
    {
        Verdict.Same => "same",
        Verdict.Better => "better",
        Verdict.Worse => "worse",
        Verdict.NoMeasurableDifference => "no measurable difference",
        Verdict.TooFewSamples => "too few runs",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "unknown verdict"),
    };

    /// <summary>Every name, in enum order (the values a JSON or CSV reader may meet).</summary>
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<Verdict>().Select(Name).ToArray();
}
