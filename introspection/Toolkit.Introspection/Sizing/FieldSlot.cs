namespace Toolkit.Introspection.Sizing;

/// <summary>One instance field as laid out: offset from the object's start (its method-table pointer; for structs, from the struct's start) and size in bytes.</summary>
public sealed record FieldSlot(string Name, Type DeclaringType, Type FieldType, int Offset, int Size, int Alignment);
