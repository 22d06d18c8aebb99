using System.Text;

namespace Toolkit.Introspection.Sizing;

/// <summary>
/// The field layout of a type as the runtime chose it: offsets, sizes, padding, and what the tightest
/// ordering of the same fields would cost, so one can see what reordering or a smaller field saves.
/// Computed by reflection plus the runtime's real offsets; costs nothing at run time of the program.
/// </summary>
public sealed class TypeLayout
{
    /// <summary>The GC's smallest object: header, method-table pointer and one pointer-sized slot.</summary>
    private static readonly int MinObjectSize = 3 * IntPtr.Size;

    private TypeLayout(Type type, int instanceSize, int dataStart, int dataEnd, IReadOnlyList<FieldSlot> fields, IReadOnlyList<PaddingGap> padding, int idealInstanceSize)
    {
        Type = type;
        InstanceSize = instanceSize;
        DataStart = dataStart;
        DataEnd = dataEnd;
        Fields = fields;
        Padding = padding;
        IdealInstanceSize = idealInstanceSize;
    }

    public Type Type { get; }

    /// <summary>For classes, the heap size of one instance (header included); for structs, the size of the value.</summary>
    public int InstanceSize { get; }

    /// <summary>Offset where field data starts (pointer size for classes: after the method-table pointer; 0 for structs).</summary>
    public int DataStart { get; }

    /// <summary>Offset where the instance ends.</summary>
    public int DataEnd { get; }

    /// <summary>Fields by offset.</summary>
    public IReadOnlyList<FieldSlot> Fields { get; }

    /// <summary>Unused byte ranges.</summary>
    public IReadOnlyList<PaddingGap> Padding { get; }

    public int PaddingBytes => Padding.Sum(p => p.Size);

    /// <summary>Instance size if the fields were packed largest alignment first.</summary>
    public int IdealInstanceSize { get; }

    /// <summary>Bytes per instance that the ideal ordering would save.</summary>
    public int ReorderSaving => InstanceSize - IdealInstanceSize;

    /// <summary>The layout of <paramref name="type"/> (a class or struct; not arrays, strings or open generics).</summary>
    public static TypeLayout Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsArray || type == typeof(string) || type.ContainsGenericParameters || type.IsInterface || (type.IsAbstract && !type.IsSealed))
        {
            throw new ArgumentException($"Type {type} has no fixed instance layout (arrays, strings, interfaces, abstract and open generic types are not laid out).", nameof(type));
        }

        bool isClass = !type.IsValueType;
        int dataStart = isClass ? IntPtr.Size : 0;
        int instanceSize = isClass ? (int)ObjectSizer.BaseSize(type) : FieldOffsets.ValueSize(type);
        int dataEnd = isClass ? instanceSize - IntPtr.Size : instanceSize;

        var fields = FieldOffsets.InstanceFields(type)
            .Select(f => new FieldSlot(f.Name, f.DeclaringType!, f.FieldType, dataStart + FieldOffsets.OffsetOf(f), FieldOffsets.ValueSize(f.FieldType), AlignmentOf(f.FieldType)))
            .OrderBy(f => f.Offset)
            .ToList();
        foreach (var f in fields)
        {
            if (f.Offset < dataStart || f.Offset + f.Size > dataEnd)
            {
                throw new InvalidOperationException($"Field {type}.{f.Name} at offset {f.Offset} (+{f.Size}) lies outside the instance [{dataStart}, {dataEnd}): the runtime's field layout was not understood.");
            }
        }

        var padding = new List<PaddingGap>();
        int cursor = dataStart;
        foreach (var f in fields)
        {
            if (f.Offset > cursor)
            {
                padding.Add(new PaddingGap(cursor, f.Offset - cursor));
            }

            cursor = Math.Max(cursor, f.Offset + f.Size);
        }

        if (dataEnd > cursor)
        {
            padding.Add(new PaddingGap(cursor, dataEnd - cursor));
        }

        return new TypeLayout(type, instanceSize, dataStart, dataEnd, fields, padding, Ideal(fields, isClass));
    }

    private static int Ideal(List<FieldSlot> fields, bool isClass)
    {
        int packed = 0;
        int maxAlign = 1;
        foreach (var f in fields.OrderByDescending(f => f.Alignment).ThenByDescending(f => f.Size))
        {
            packed = AlignUp(packed, f.Alignment) + f.Size;
            maxAlign = Math.Max(maxAlign, f.Alignment);
        }

        if (!isClass)
        {
            return Math.Max(1, AlignUp(packed, maxAlign));
        }

        return Math.Max(MinObjectSize, AlignUp((2 * IntPtr.Size) + packed, IntPtr.Size));
    }

    private static int AlignUp(int value, int alignment) => (value + alignment - 1) / alignment * alignment;

    private static int AlignmentOf(Type type)
    {
        if (!type.IsValueType)
        {
            return IntPtr.Size;
        }

        if (!FieldOffsets.IsOpenableStruct(type))
        {
            return Math.Min(IntPtr.Size, FieldOffsets.ValueSize(type));
        }

        int align = 1;
        foreach (var f in FieldOffsets.InstanceFields(type))
        {
            align = Math.Max(align, AlignmentOf(f.FieldType));
        }

        return align;
    }

    /// <summary>The layout as a plain-text table with padding and the ideal-ordering saving.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append($"{TypeNames.Friendly(Type)} : {InstanceSize} bytes{(Type.IsValueType ? " (value)" : " per instance")}, {PaddingBytes} padding, ideal ordering {IdealInstanceSize} (saves {ReorderSaving})\n");
        if (!Type.IsValueType)
        {
            sb.Append($"  {-IntPtr.Size,5} {IntPtr.Size,4}  [object header]\n");
            sb.Append($"  {0,5} {IntPtr.Size,4}  [method table pointer]\n");
        }

        var rows = Fields.Select(f => (f.Offset, Text: $"  {f.Offset,5} {f.Size,4}  {TypeNames.FieldName(f.Name)} : {TypeNames.Friendly(f.FieldType)}\n"))
            .Concat(Padding.Select(p => (p.Offset, Text: $"  {p.Offset,5} {p.Size,4}  [padding]\n")))
            .OrderBy(r => r.Offset);
        foreach (var r in rows)
        {
            sb.Append(r.Text);
        }

        return sb.ToString();
    }
}
