namespace Toolkit.Harness.Results;

/// <summary>One generated project: its size and counts as the generator reported them.</summary>
public sealed record ProjectRecord(int Sources, long Nodes, long Edges, long Headers, long DerivedFiles, double GenerateSeconds, bool Cached);
