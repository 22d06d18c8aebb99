namespace Toolkit.Introspection.Sizing;

/// <summary>Bytes inside an instance that no field uses (alignment padding or the minimum object size).</summary>
public sealed record PaddingGap(int Offset, int Size);
