namespace Toolkit.Harness.Results;

/// <summary>One generated project: its size and counts as the generator reported them.</summary>
/// <param name="Sources">Ordinary sources.</param>
/// <param name="Nodes">Nodes of its graph.</param>
/// <param name="Edges">Edges of its graph.</param>
/// <param name="Headers">Headers.</param>
/// <param name="DerivedFiles">Objects, libraries and programs.</param>
/// <param name="GenerateSeconds">Wall time of the generation; 0 when reused.</param>
/// <param name="Cached">True when an earlier generation was reused.</param>
/// <param name="LargeFiles">Extra sources of 8 MiB each (the point chunked hashing is judged at); 0 for the ordinary sizes.</param>
public sealed record ProjectRecord(int Sources, long Nodes, long Edges, long Headers, long DerivedFiles, double GenerateSeconds, bool Cached, int LargeFiles = 0);
