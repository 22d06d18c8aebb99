using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Toolkit.Introspection.Sizing;

namespace Toolkit.Introspection.Tracking;

/// <summary>
/// A cheap change detector for incremental snapshots: a 64-bit hash of an instance's own bytes and of
/// the own bytes of each object its fields point at directly (strings excepted: they never change),
/// with every reference read as the identity hash of its target, so a collection that moves objects
/// changes nothing. An assigned field, a changed number or struct field, and any Add/Remove/indexer set
/// on a List, Dictionary or HashSet held in a field (their count and version are in their own bytes)
/// change it. What it misses: a change two or more references deep (a field of an object reached
/// through another untracked object), and the elements of an array held in a field; a full snapshot
/// sees those. Costs one read of the instance and its direct children and of the headers they point
/// at, and a shape look-up per type met (cached here: one fingerprinter serves one snapshot).
/// </summary>
internal sealed class InstanceFingerprint
{
    private const ulong Seed = 0xcbf29ce484222325;

    /// <summary>Golden-ratio multiplier: spreads each word over all 64 bits.</summary>
    private const ulong Multiplier = 0x9E3779B97F4A7C15;

    private readonly Dictionary<IntPtr, TypeShape> _shapes = [];
    private IntPtr _lastMt;
    private TypeShape? _lastShape;

    public ulong Of(object o)
    {
        var mt = MethodTable.Of(o);
        var shape = Shape(mt, o);
        ulong h = Own(o, mt, shape, Seed);
        if (shape.Kind == ShapeKind.Fields)
        {
            ref byte data = ref Unsafe.As<RawData>(o).Data;
            foreach (int offset in shape.Offsets)
            {
                if (Unsafe.As<byte, object?>(ref Unsafe.Add(ref data, offset)) is { } child and not string)
                {
                    var childMt = MethodTable.Of(child);
                    h = Own(child, childMt, Shape(childMt, child), h);
                }
            }
        }

        return h;
    }

    /// <summary>Mixes the object's bytes after its method-table pointer into <paramref name="h"/>, references as identities.</summary>
    private static ulong Own(object o, IntPtr mt, TypeShape shape, ulong h)
    {
        if (o is string s)
        {
            return Mix(h, (ulong)s.Length);
        }

        switch (shape.Kind)
        {
            case ShapeKind.ReferenceArray:
            {
                var array = Unsafe.As<object?[]>(o);
                h = Mix(h, (ulong)array.Length);
                foreach (object? element in array)
                {
                    h = Mix(h, Identity(element));
                }

                return h;
            }

            case ShapeKind.Fields:
            {
                ref byte data = ref Unsafe.As<RawData>(o).Data;
                int words = (int)((MethodTable.SizeOf(o, mt) - (2 * IntPtr.Size)) / sizeof(ulong));
                ulong[] references = shape.ReferenceWords;
                for (int w = 0; w < words; w++)
                {
                    bool isReference = (w >> 6) < references.Length && (references[w >> 6] & (1UL << (w & 63))) != 0;
                    ulong word = isReference
                        ? Identity(Unsafe.As<byte, object?>(ref Unsafe.Add(ref data, w * sizeof(ulong))))
                        : Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref data, w * sizeof(ulong)));
                    h = Mix(h, word);
                }

                return h;
            }

            case ShapeKind.StructArray:
                // Elements embed references at per-element offsets: the length and element count only (a full snapshot sees the rest).
                return Mix(h, (ulong)Unsafe.As<Array>(o).LongLength);

            default:
            {
                // No references: the raw bytes (an array's length word and elements, or the fields).
                long bytes = MethodTable.SizeOf(o, mt) - (2 * IntPtr.Size);
                ref byte data = ref Unsafe.As<RawData>(o).Data;
                foreach (ulong w in MemoryMarshal.Cast<byte, ulong>(MemoryMarshal.CreateReadOnlySpan(ref data, (int)Math.Min(bytes, int.MaxValue))))
                {
                    h = Mix(h, w);
                }

                return h;
            }
        }
    }

    /// <summary>The shape by method table: the last one (instances and their children come in runs of one type), then a plain dictionary, then the shared cache.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TypeShape Shape(IntPtr mt, object o)
    {
        if (mt == _lastMt)
        {
            return _lastShape!;
        }

        if (!_shapes.TryGetValue(mt, out var shape))
        {
            shape = TypeShape.For(mt, o);
            _shapes.Add(mt, shape);
        }

        _lastMt = mt;
        _lastShape = shape;
        return shape;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Identity(object? o) => o is null ? 0 : (ulong)(uint)RuntimeHelpers.GetHashCode(o) | 1UL << 32;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong h, ulong w)
    {
        h = (h ^ w) * Multiplier;
        return h ^ (h >> 29);
    }
}
