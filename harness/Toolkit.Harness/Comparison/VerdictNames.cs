namespace Toolkit.Harness.Comparison;

/// <summary>The words <c>toolkit compare</c> prints for each <see cref="Verdict"/>.</summary>
public static class VerdictNames
{
    /// <summary>"same", "better", "worse" or "too few samples".</summary>
    public static string Name(Verdict verdict) => verdict switch
    {
        Verdict.Same => "same",
        Verdict.Better => "better",
        Verdict.Worse => "worse",
        Verdict.TooFewSamples => "too few samples",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "unknown verdict"),
    };
}
