using Microsoft.Diagnostics.Runtime;

namespace Toolkit.Introspection.Heap;

/// <summary>
/// The <see cref="HeapWalker"/>'s type table: one <see cref="WalkedType"/> per method table, written to the file when its first
/// instance is met. ClrMD is asked once per new type; fields are described from their element types and offsets only.
/// Costs one entry per type (field offsets and sizes, the GC slots), nothing per object. Before the dictionary, a method table is
/// looked up in a small direct-mapped cache (<see cref="CacheSlots"/> slots by a hash of its bits): a heap's objects are mostly of a
/// few types, so most lookups are one compare.
/// </summary>
internal sealed class WalkedTypeTable(ClrRuntime runtime)
{
    // A power of two; a few thousand bytes, enough that the few hot types of a heap rarely share a slot.
    private const int CacheSlots = 256;

    private readonly Dictionary<ulong, WalkedType> _types = [];
    private readonly ulong[] _cachedTables = new ulong[CacheSlots];
    private readonly WalkedType?[] _cachedTypes = new WalkedType?[CacheSlots];
    private WalkedType? _free;

    /// <summary>The entry of the GC's free-space type (gaps between objects), not in the file.</summary>
    public WalkedType Free => _free ??= NewEntry(-1, runtime.Heap.FreeType);

    /// <summary>The entry of method table <paramref name="mt"/>, asking ClrMD once per new one; null when ClrMD knows no such type.</summary>
    public WalkedType? Find(HeapFileWriter writer, ulong mt, ulong address)
    {
        int slot = (int)((mt >> 3) ^ (mt >> 11)) & (CacheSlots - 1);
        if (_cachedTables[slot] == mt && _cachedTypes[slot] is { } cached)
        {
            return cached;
        }
        if (!_types.TryGetValue(mt, out var entry))
        {
            var type = runtime.Heap.GetObjectType(address);
            if (type is null || type.MethodTable != mt)
            {
                return null;
            }
            entry = Get(writer, type);
        }
        _cachedTables[slot] = mt;
        _cachedTypes[slot] = entry;
        return entry;
    }

    /// <summary>The entry of <paramref name="type"/>, writing the type to the file the first time.</summary>
    public WalkedType Get(HeapFileWriter writer, ClrType type)
    {
        if (_types.TryGetValue(type.MethodTable, out var entry))
        {
            return entry;
        }
        var fields = type.IsArray || type.IsString ? [] : Fields(type, runtime.DataTarget.DataReader.PointerSize);
        string name = type.Name ?? $"<unknown type 0x{type.MethodTable:x}>";
        bool hasCount = CollectionNames.IsCounted(name, type.IsArray);
        string module = Path.GetFileNameWithoutExtension(type.Module?.Name ?? type.Module?.AssemblyName ?? "");
        var heapType = new HeapType(name, type.MethodTable, type.IsArray, type.IsString, hasCount, type.StaticSize, type.ComponentSize, fields, module);
        int index = writer.WriteType(heapType);
        entry = NewEntry(index, type, heapType);
        _types.Add(type.MethodTable, entry);
        return entry;
    }

    private WalkedType NewEntry(int index, ClrType type, HeapType? heapType = null)
    {
        heapType ??= new HeapType(type.Name ?? "Free", type.MethodTable, type.IsArray, type.IsString, false, type.StaticSize, type.ComponentSize, [], "");
        var fields = heapType.Fields;
        return new WalkedType(index, heapType, type, fields.Select(f => f.Offset).ToArray(), fields.Select(f => f.Size).ToArray(),
            (uint)type.StaticSize, (uint)type.ComponentSize, type.ContainsPointers, type.GCDesc,
            type.ContainsPointers ? GcSlots.Read(runtime.DataTarget.DataReader, type.MethodTable) : null)
        {
            Counted = heapType.HasCount ? WalkedCount.Of(type) : default,
        };
    }

    /// <summary>The instance fields in offset order, described from their element types and offsets only (see <see cref="IsReference"/>):
    /// a primitive's or a reference's size from its element type; a struct's as the room up to the next field (so it includes padding after it).</summary>
    private static HeapField[] Fields(ClrType type, int pointerSize)
    {
        var sorted = type.Fields.OrderBy(f => f.Offset).ToArray();
        var fields = new HeapField[sorted.Length];
        int end = Math.Max(0, type.StaticSize - 2 * pointerSize);
        for (int i = 0; i < sorted.Length; i++)
        {
            var f = sorted[i];
            int room = (i + 1 < sorted.Length ? sorted[i + 1].Offset : Math.Max(end, f.Offset)) - f.Offset;
            int size = ElementSize(f.ElementType, pointerSize) ?? Math.Max(room, 0);
            fields[i] = new HeapField(f.Name ?? "?", f.Offset, size, IsReference(f.ElementType), f.ElementType == ClrElementType.Struct);
        }
        return fields;
    }

    private static int? ElementSize(ClrElementType type, int pointerSize) => type switch
    {
        ClrElementType.Boolean or ClrElementType.Int8 or ClrElementType.UInt8 => 1,
        ClrElementType.Char or ClrElementType.Int16 or ClrElementType.UInt16 => 2,
        ClrElementType.Int32 or ClrElementType.UInt32 or ClrElementType.Float => 4,
        ClrElementType.Int64 or ClrElementType.UInt64 or ClrElementType.Double => 8,
        ClrElementType.NativeInt or ClrElementType.NativeUInt or ClrElementType.Pointer or ClrElementType.FunctionPointer => pointerSize,
        _ when IsReference(type) => pointerSize,
        _ => null,
    };

    // From the field's element type alone: ClrField.IsObjectReference resolves the field's type by name through every module
    // (ClrMD 4.2), which made capture of a process with 12,000 types take minutes. A field of a generic parameter type counts as
    // no reference here; the references themselves come from the GC descriptor, not from these flags.
    private static bool IsReference(ClrElementType type) =>
        type is ClrElementType.Class or ClrElementType.Object or ClrElementType.String or ClrElementType.SZArray or ClrElementType.Array;
}
