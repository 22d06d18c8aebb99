using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Toolkit.Introspection.Sizing;

/// <summary>
/// Real field offsets and value sizes as the runtime chose them. The offset is read from the field's
/// FieldDesc (coreclr/vm/field.h: a MethodTable pointer, then m_dword1, then m_dword2 whose low 27 bits
/// are the offset from the start of the instance data). Results are cached per field/type.
/// </summary>
internal static unsafe class FieldOffsets
{
    /// <summary>Low 27 bits of FieldDesc.m_dword2 hold the offset (m_dwOffset : 27).</summary>
    private const uint OffsetMask = 0x7FFFFFF;

    /// <summary>m_dword2 sits after the enclosing-MethodTable pointer and m_dword1.</summary>
    private static readonly int Dword2Offset = IntPtr.Size + 4;

    private static readonly ConcurrentDictionary<Type, int> SizeCache = new();
    private static readonly MethodInfo SizeOfMethod = typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!;

    /// <summary>Instance fields of <paramref name="type"/> and its bases, base first.</summary>
    public static List<FieldInfo> InstanceFields(Type type)
    {
        var chain = new List<Type>();
        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            chain.Add(t);
        }

        chain.Reverse();
        var fields = new List<FieldInfo>();
        foreach (Type t in chain)
        {
            fields.AddRange(t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
        }

        return fields;
    }

    /// <summary>Offset of an instance field from the start of the instance data (after the method-table pointer for classes).</summary>
    public static int OffsetOf(FieldInfo field)
    {
        if (field.IsStatic)
        {
            throw new ArgumentException($"Field {field.DeclaringType}.{field.Name} is static and has no instance offset.", nameof(field));
        }

        byte* desc = (byte*)field.FieldHandle.Value;
        return (int)(*(uint*)(desc + Dword2Offset) & OffsetMask);
    }

    /// <summary>Bytes a value of <paramref name="type"/> takes inside an object (pointer size for references).</summary>
    public static int ValueSize(Type type)
    {
        if (!type.IsValueType)
        {
            return IntPtr.Size;
        }

        return SizeCache.GetOrAdd(type, t => (int)SizeOfMethod.MakeGenericMethod(t).Invoke(null, null)!);
    }

    /// <summary>True when a field of this type holds a GC reference (not pointers, not value types).</summary>
    public static bool IsReference(Type type) => !type.IsValueType && !type.IsPointer && !type.IsFunctionPointer && !type.IsByRef;

    /// <summary>True for value types that may embed references or further structs worth opening.</summary>
    public static bool IsOpenableStruct(Type type) => type.IsValueType && !type.IsPrimitive && !type.IsEnum && !type.IsPointer;
}
