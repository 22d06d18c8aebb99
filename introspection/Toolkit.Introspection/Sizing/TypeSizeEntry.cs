namespace Toolkit.Introspection.Sizing;

/// <summary>One line of a per-type breakdown: how many objects of a type a walk found and their shallow bytes.</summary>
public sealed record TypeSizeEntry(Type Type, long Count, long Bytes);
