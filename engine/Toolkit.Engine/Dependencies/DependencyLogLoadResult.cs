using Toolkit.Engine.Persistence;

namespace Toolkit.Engine.Dependencies;

/// <summary>What <see cref="DependencyLog.Load"/> found: Ok, Missing or Damaged, the log (empty unless Ok), and for a damaged file the warning to print before scanning everything.</summary>
public sealed record DependencyLogLoadResult(CheckedFileStatus Status, DependencyLog Log, string? Warning);
