namespace Toolkit.Optimizations.Tests.Conformance;

/// <summary>Whether a conformance run keeps the dependency log (<c>.toolkit.deps</c>) between its builds, as the engine does by default, or scans every file on every open (<c>--no-deps-log</c>).</summary>
public enum LogMode : byte
{
    /// <summary>The log is written by each build and read by the next open.</summary>
    Present,

    /// <summary>No log: every open reads and parses every file.</summary>
    Absent,
}
