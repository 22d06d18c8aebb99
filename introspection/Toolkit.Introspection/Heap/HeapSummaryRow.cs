namespace Toolkit.Introspection.Heap;

/// <summary>One line of Meliae's summary table: a type's object count and bytes, their shares, the cumulative share and the largest instance.</summary>
public sealed record HeapSummaryRow(int Index, long Count, double CountPercent, long Size, double SizePercent, double CumulativePercent, long Max, string Kind);
