namespace Toolkit.Harness.Benchmarks;

/// <summary>What a benchmark's graph keeps alive: live managed bytes after full compacting collections, and its node count.</summary>
/// <param name="RetainedBytes">Live heap added by building the graph.</param>
/// <param name="Nodes">Nodes in the graph (0 when the benchmark has no graph of nodes).</param>
public sealed record GraphFootprint(long RetainedBytes, int Nodes);
