using Toolkit.Harness.Reporting.Techniques;

namespace Toolkit.Harness.Reporting.Pages;

/// <summary>
/// The one place the pages look a technique's written prose up (title, judged metric, idea), so the
/// technique catalog can move (to the variant factory) by changing this file alone.
/// </summary>
public static class TechniqueText
{
    /// <summary>The technique of a variant, or null for a variant without a written page.</summary>
    public static ITechnique? Find(string variant) => TechniqueCatalog.Find(variant);

    /// <summary>The figure a variant is judged by (retained managed heap after the build unless its page says otherwise).</summary>
    public static MemoryMetric JudgedBy(string variant) => Find(variant)?.Metric ?? MemoryMetric.RetainedAfterBuild;

    /// <summary>The page title of a variant.</summary>
    public static string Title(string variant) => Find(variant)?.Title ?? variant;
}
