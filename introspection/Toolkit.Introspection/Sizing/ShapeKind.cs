namespace Toolkit.Introspection.Sizing;

/// <summary>How a deep walk finds the references inside an object of one type.</summary>
internal enum ShapeKind : byte
{
    /// <summary>No references (strings, primitive arrays, classes of value fields only).</summary>
    NoReferences,
    /// <summary>References at fixed offsets in the object's fields.</summary>
    Fields,
    /// <summary>An array whose elements are references.</summary>
    ReferenceArray,
    /// <summary>An array of structs that hold references at fixed offsets in each element.</summary>
    StructArray,
}
