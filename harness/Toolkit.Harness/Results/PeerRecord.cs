namespace Toolkit.Harness.Results;

/// <summary>
/// One peer tool at one size: its dry run (<c>make -n</c>, <c>ninja -n</c>, <c>scons -n</c>) measured by
/// whole-process peak RSS and wall time, several times; or why it was skipped.
/// </summary>
public sealed record PeerRecord(string Tool, int Sources, string Command, string? SkippedBecause, IReadOnlyList<PeerRun> Runs);
