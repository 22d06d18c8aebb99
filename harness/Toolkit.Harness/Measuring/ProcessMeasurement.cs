namespace Toolkit.Harness.Measuring;

/// <summary>What <see cref="ProcessMeasurer"/> read of one process.</summary>
/// <param name="PeakRssBytes">Peak resident set (rusage ru_maxrss), bytes.</param>
/// <param name="WallSeconds">Wall time by the harness's clock.</param>
/// <param name="UserSeconds">User CPU time.</param>
/// <param name="SystemSeconds">System CPU time.</param>
/// <param name="OutputTail">The end of what it wrote to stdout (<see cref="ProcessMeasurer.OutputTailChars"/> characters at most), to check what it did.</param>
public readonly record struct ProcessMeasurement(long PeakRssBytes, double WallSeconds, double UserSeconds, double SystemSeconds, string OutputTail);
