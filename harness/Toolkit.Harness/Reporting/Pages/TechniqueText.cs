using Toolkit.Optimizations;

namespace Toolkit.Harness.Reporting.Pages;

/// <summary>
/// The one place the pages look a variant's written prose up (title, judged metric, idea): from the
/// variant itself, through the factory the analysis was made with (<see cref="ScaleAnalysis.Technique"/>).
/// </summary>
public static class TechniqueText
{
    /// <summary>The prose of a variant's page, or null for baseline and for a name the factory does not know.</summary>
    public static TechniqueDescription? Find(ScaleAnalysis analysis, string variant)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return analysis.Technique(variant);
    }

    /// <summary>The figure a variant is judged by (retained managed heap after the build unless its page says otherwise).</summary>
    public static MemoryMetric JudgedBy(ScaleAnalysis analysis, string variant)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return analysis.JudgedBy(variant);
    }

    /// <summary>The page title of a variant.</summary>
    public static string Title(ScaleAnalysis analysis, string variant) => Find(analysis, variant)?.Title ?? variant;
}
