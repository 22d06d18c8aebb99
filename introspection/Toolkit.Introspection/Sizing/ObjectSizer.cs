namespace Toolkit.Introspection.Sizing;

/// <summary>
/// Exact object sizes, the asizeof of .NET. Shallow size is read from the object's MethodTable exactly as
/// the GC computes it (BaseSize + ComponentSize * length, pointer-aligned, so header, method-table pointer,
/// field padding, array and string data are all included). Deep size walks everything reachable,
/// iteratively, with a reference-identity visited set; reflection runs once per type.
/// A deep walk costs about 16-32 bytes of scratch per object reached, released when it returns.
/// </summary>
public static class ObjectSizer
{
    /// <summary>Bytes the object itself occupies on the managed heap.</summary>
    public static long ShallowSize(object o)
    {
        ArgumentNullException.ThrowIfNull(o);
        CoreClrLayout.EnsureSupported();
        return MethodTable.SizeOf(o, MethodTable.Of(o));
    }

    /// <summary>
    /// The object's size before the GC's pointer alignment (BaseSize + ComponentSize * length, at least 24 bytes on 64-bit); this is the
    /// figure ClrMD 2.x reports as ClrObject.Size. The heap space taken is <see cref="ShallowSize"/>.
    /// </summary>
    public static long UnalignedSize(object o)
    {
        ArgumentNullException.ThrowIfNull(o);
        CoreClrLayout.EnsureSupported();
        return MethodTable.RawSizeOf(o, MethodTable.Of(o));
    }

    /// <summary>Base size of instances of a class (or of a boxed struct): the size of an instance with no array/string data.</summary>
    public static long BaseSize(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        CoreClrLayout.EnsureSupported();
        return MethodTable.BaseSize(type.TypeHandle.Value);
    }

    /// <summary>Total shallow bytes of <paramref name="root"/> and everything it reaches.</summary>
    public static long DeepSize(object? root) => root is null ? 0 : Measure(root).TotalBytes;

    /// <summary>Deep size with exclusions, depth limit and a per-type breakdown.</summary>
    public static DeepSizeResult Measure(object root, DeepSizeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        options ??= new DeepSizeOptions();
        if (options.MaxDepth < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxDepth, "MaxDepth must be 0 (root only) or more.");
        }

        Type[] excludedTypes = [.. options.ExcludedTypes];
        Func<Type, bool>? exclude = excludedTypes.Length == 0 ? null : t => Array.Exists(excludedTypes, x => x.IsAssignableFrom(t));
        var walker = new ObjectWalker(exclude, options.MaxDepth, options.Visit);
        foreach (object o in options.ExcludedObjects)
        {
            walker.Exclude(o);
        }

        walker.Walk(root);
        return Result(walker);
    }

    internal static DeepSizeResult Result(ObjectWalker walker)
    {
        var byType = walker.Tallies.Values
            .Where(t => t.Count > 0)
            .Select(t => new TypeSizeEntry(t.Shape.Type, t.Count, t.Bytes))
            .OrderByDescending(e => e.Bytes)
            .ThenBy(e => e.Type.FullName, StringComparer.Ordinal)
            .ToList();
        return new DeepSizeResult(walker.TotalBytes, walker.ObjectCount, walker.DepthLimitHit, byType);
    }
}
