namespace Toolkit.Introspection.Heap;

/// <summary>One reference of an object: the object it points to, and the field that holds it (null for an array element or a dependent handle).</summary>
public readonly record struct HeapReference(HeapObject Object, HeapField? Field)
{
    /// <summary>The field's name, or "[]" for an element.</summary>
    public string FieldName => Field?.Name ?? "[]";
}
