namespace Toolkit.Harness.Results;

/// <summary>
/// Schema 1 only: one peer tool's dry run at one size (<c>make -n</c>, <c>ninja -n</c>, <c>scons -n</c>)
/// measured by whole-process peak RSS and wall time, several times; or why it was skipped. Schema 2
/// records every tool and operation in <see cref="ScaleResults.Processes"/> and writes this list empty;
/// a schema-1 file's peers are read as dry-run <see cref="ProcessRecord"/>s.
/// </summary>
public sealed record PeerRecord(string Tool, int Sources, string Command, string? SkippedBecause, IReadOnlyList<PeerRun> Runs);
