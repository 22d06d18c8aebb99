namespace Toolkit.Harness.Results;

/// <summary>One run of a peer.</summary>
public sealed record PeerRun(long PeakRssBytes, double WallSeconds);
