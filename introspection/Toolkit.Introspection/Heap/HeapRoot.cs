namespace Toolkit.Introspection.Heap;

/// <summary>A GC root: the object it holds, why (its kind), and a name where the runtime gives one (a static field's <c>Type.Field</c>).</summary>
public readonly record struct HeapRoot(HeapObject Object, HeapRootKind Kind, string Name)
{
    public override string ToString() => Name.Length == 0 ? Kind.ToString() : $"{Kind} {Name}";
}
