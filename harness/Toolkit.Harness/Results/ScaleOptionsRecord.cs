namespace Toolkit.Harness.Results;

/// <summary>What <c>toolkit scale</c> was asked to do.</summary>
public sealed record ScaleOptionsRecord(string Shape, int Seed, IReadOnlyList<int> Sources, IReadOnlyList<string> Variants, int Repeat, string Peers, bool DryRun);
