namespace Toolkit.Harness.Reporting.Pages;

/// <summary>
/// One row of the exports: one figure of one tool at one point, summarized the way BenchmarkDotNet
/// summarizes a benchmark (N, mean, standard deviation, median with its interval, min, max).
/// </summary>
/// <param name="Tool">"toolkit" or the peer's name.</param>
/// <param name="Variant">The engine's variant, or empty for a peer.</param>
/// <param name="Sources">The size.</param>
/// <param name="LargeFiles">Large files of the point (0 for an ordinary size).</param>
/// <param name="Nodes">The graph's nodes.</param>
/// <param name="Operation">"dry-run", "full-build", "null-build" (whole process) or "footprint" (the managed-heap child).</param>
/// <param name="Metric">The figure's name: peakRssBytes, wallSeconds, or a footprint field.</param>
/// <param name="Unit">"bytes", "bytes/node", "s" or "count".</param>
/// <param name="N">Counted runs.</param>
/// <param name="Mean">Mean.</param>
/// <param name="StdDev">Sample standard deviation (0 for one run).</param>
/// <param name="Median">Median.</param>
/// <param name="CiLower">Lower bound of the median's 95% bootstrap interval.</param>
/// <param name="CiUpper">Upper bound.</param>
/// <param name="Min">Smallest run.</param>
/// <param name="Max">Largest run.</param>
public sealed record ExportRow(string Tool, string Variant, int Sources, int LargeFiles, long Nodes, string Operation, string Metric, string Unit, int N, double Mean, double StdDev, double Median, double CiLower, double CiUpper, double Min, double Max);
