namespace Toolkit.Introspection.Sizing;

/// <summary>One reference-typed slot of an object: its field path (outer.inner for embedded structs) and data offset.</summary>
internal readonly record struct RefField(string Name, int Offset);
