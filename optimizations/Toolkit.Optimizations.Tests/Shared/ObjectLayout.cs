using System.Runtime.InteropServices;

namespace Toolkit.Optimizations.Tests.Shared;

/// <summary>The runtime's own size of an instance of a class: the base size in its MethodTable (header, method table pointer and fields, padded).</summary>
internal static class ObjectLayout
{
    /// <summary>Offset of the base size in a MethodTable (after the 4-byte component size / flags word).</summary>
    private const int BaseSizeOffset = 4;

    public static int BaseSize(Type type) => Marshal.ReadInt32(type.TypeHandle.Value, BaseSizeOffset);
}
