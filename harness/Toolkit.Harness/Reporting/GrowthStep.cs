namespace Toolkit.Harness.Reporting;

/// <summary>The growth of a quantity per extra node between two node counts.</summary>
public sealed record GrowthStep(long FromNodes, long ToNodes, double PerNode);
