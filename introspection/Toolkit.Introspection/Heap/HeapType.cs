namespace Toolkit.Introspection.Heap;

/// <summary>A type of the captured heap, as stored in the type table of a heap file. One per method table, shared by all its instances.</summary>
public sealed record HeapType(
    string Name,
    ulong MethodTable,
    bool IsArray,
    bool IsString,
    bool HasCount,
    int BaseSize,
    int ComponentSize,
    IReadOnlyList<HeapField> Fields)
{
    public bool IsArrayOrString => IsArray || IsString;
}
