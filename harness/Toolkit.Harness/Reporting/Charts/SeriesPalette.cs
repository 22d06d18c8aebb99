namespace Toolkit.Harness.Reporting.Charts;

/// <summary>
/// Colours and dash patterns: engine variants solid (baseline and optimized thicker, in near-black
/// and red, as the two ends of the story), peers dashed with a pattern each, so lines stay apart in
/// grey-scale print and for colour-blind readers.
/// </summary>
public static class SeriesPalette
{
    // Tableau 10, minus the red and grey that baseline and optimized use: distinct on white and in the common colour-vision deficiencies.
    private static readonly string[] VariantColours = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#ff9da7", "#9c755f"];
    private static readonly string[] PeerColours = ["#7f7f7f", "#17becf", "#8c564b", "#bcbd22"];
    private static readonly string[] PeerDashes = ["7 4", "2 3", "9 3 2 3", "4 4"];

    /// <summary>The style of the variant at <paramref name="index"/> among the optimizations (baseline and optimized fixed).</summary>
    public static SeriesStyle Variant(string name, int index) => name switch
    {
        ScaleAnalysis.BaselineName => new SeriesStyle("#222222", 2.5, null),
        "optimized" => new SeriesStyle("#d62728", 2.5, null),
        _ => new SeriesStyle(VariantColours[index % VariantColours.Length], 1.8, null),
    };

    /// <summary>The style of the peer at <paramref name="index"/>.</summary>
    public static SeriesStyle Peer(int index) =>
        new(PeerColours[index % PeerColours.Length], 1.8, PeerDashes[index % PeerDashes.Length]);
}
