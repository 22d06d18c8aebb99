using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Toolkit.Introspection.Sizing;

/// <summary>
/// Where the references are inside objects of one runtime type, computed once by reflection and cached
/// by method table, so a deep walk reads references at fixed offsets with no reflection per object.
/// Costs one small array per type seen.
/// </summary>
internal sealed class TypeShape
{
    private static readonly ConcurrentDictionary<IntPtr, TypeShape> Cache = new();

    private TypeShape(Type type, ShapeKind kind, RefField[] fields, int elementSize)
    {
        Type = type;
        Kind = kind;
        Fields = fields;
        Offsets = Array.ConvertAll(fields, f => f.Offset);
        ElementSize = elementSize;
    }

    public Type Type { get; }

    public ShapeKind Kind { get; }

    /// <summary>Reference slots (of the object, or of each struct element for struct arrays).</summary>
    public RefField[] Fields { get; }

    /// <summary>The offsets of <see cref="Fields"/>, for the hot loop.</summary>
    public int[] Offsets { get; }

    /// <summary>Element size for arrays.</summary>
    public int ElementSize { get; }

    /// <summary>For <see cref="ShapeKind.Fields"/>: which 8-byte words of the instance data (after the method-table pointer) hold references, one bit each; computed on first use.</summary>
    public ulong[] ReferenceWords => _referenceWords ??= WordMask();

    private ulong[]? _referenceWords;

    private ulong[] WordMask()
    {
        int words = Offsets.Length == 0 ? 0 : (Offsets.Max() / IntPtr.Size) + 1;
        var mask = new ulong[(words + 63) / 64];
        foreach (int offset in Offsets)
        {
            int w = offset / IntPtr.Size;
            mask[w / 64] |= 1UL << (w % 64);
        }

        return mask;
    }

    /// <summary>The shape for the object's method table (the object is used only the first time, to learn its type).</summary>
    public static TypeShape For(IntPtr mt, object sample) =>
        Cache.TryGetValue(mt, out TypeShape? shape) ? shape : Cache.GetOrAdd(mt, _ => Build(sample.GetType()));

    /// <summary>The shape of a type (no instance needed).</summary>
    public static TypeShape For(Type type) => For(type.TypeHandle.Value, type);

    private static TypeShape For(IntPtr mt, Type type) =>
        Cache.TryGetValue(mt, out TypeShape? shape) ? shape : Cache.GetOrAdd(mt, _ => Build(type));

    private static TypeShape Build(Type type)
    {
        CoreClrLayout.EnsureSupported();
        if (type.IsArray)
        {
            Type element = type.GetElementType()!;
            int elementSize = FieldOffsets.ValueSize(element);
            if (FieldOffsets.IsReference(element))
            {
                return new TypeShape(type, ShapeKind.ReferenceArray, [], elementSize);
            }

            var inner = new List<RefField>();
            if (FieldOffsets.IsOpenableStruct(element))
            {
                Collect(element, 0, "", inner);
            }

            return new TypeShape(type, inner.Count == 0 ? ShapeKind.NoReferences : ShapeKind.StructArray, [.. inner], elementSize);
        }

        var fields = new List<RefField>();
        if (type != typeof(string))
        {
            Collect(type, 0, "", fields);
        }

        return new TypeShape(type, fields.Count == 0 ? ShapeKind.NoReferences : ShapeKind.Fields, [.. fields], 0);
    }

    /// <summary>Adds the reference slots of <paramref name="type"/>'s instance fields, opening embedded structs.</summary>
    private static void Collect(Type type, int baseOffset, string prefix, List<RefField> into)
    {
        // An [InlineArray(n)] struct declares one field and repeats it n times.
        if (type.IsValueType && type.GetCustomAttribute<InlineArrayAttribute>() is { } inline)
        {
            var element = FieldOffsets.InstanceFields(type).Single();
            int stride = FieldOffsets.ValueSize(element.FieldType);
            for (int k = 0; k < inline.Length; k++)
            {
                CollectField(element, baseOffset + (k * stride), $"{prefix}{element.Name}[{k}]", into);
            }

            return;
        }

        foreach (var field in FieldOffsets.InstanceFields(type))
        {
            CollectField(field, baseOffset + FieldOffsets.OffsetOf(field), prefix + field.Name, into);
        }
    }

    private static void CollectField(FieldInfo field, int offset, string name, List<RefField> into)
    {
        if (FieldOffsets.IsReference(field.FieldType))
        {
            into.Add(new RefField(name, offset));
        }
        else if (FieldOffsets.IsOpenableStruct(field.FieldType))
        {
            Collect(field.FieldType, offset, name + ".", into);
        }
    }
}
