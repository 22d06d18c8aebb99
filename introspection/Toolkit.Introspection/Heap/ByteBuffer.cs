namespace Toolkit.Introspection.Heap;

/// <summary>A growable byte array (doubling), used to pack all string contents of a heap into one blob instead of one .NET string each.</summary>
public sealed class ByteBuffer
{
    private byte[] _bytes = new byte[4096];

    public int Count { get; private set; }

    public Span<byte> Reserve(int count)
    {
        if ((long)Count + count > Array.MaxLength)
        {
            throw new InvalidOperationException("string contents exceed 2 GiB");
        }
        if (Count + count > _bytes.Length)
        {
            Array.Resize(ref _bytes, (int)Math.Min(Array.MaxLength, Math.Max((long)_bytes.Length * 2, Count + count)));
        }
        var span = _bytes.AsSpan(Count, count);
        Count += count;
        return span;
    }

    /// <summary>Empties the buffer, keeping its array.</summary>
    public void Clear() => Count = 0;

    public ReadOnlySpan<byte> Span => _bytes.AsSpan(0, Count);

    public byte[] ToArray() => _bytes.AsSpan(0, Count).ToArray();
}
