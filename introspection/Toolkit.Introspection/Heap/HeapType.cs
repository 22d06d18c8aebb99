namespace Toolkit.Introspection.Heap;

/// <summary>A type of the captured heap, as stored in the type table of a heap file. One per method table, shared by all its instances.
/// <see cref="Module"/> names the assembly that defines it, which tells apart two types of the same name.</summary>
public sealed record HeapType(
    string Name,
    ulong MethodTable,
    bool IsArray,
    bool IsString,
    bool HasCount,
    int BaseSize,
    int ComponentSize,
    IReadOnlyList<HeapField> Fields,
    string Module = "")
{
    public bool IsArrayOrString => IsArray || IsString;
}
