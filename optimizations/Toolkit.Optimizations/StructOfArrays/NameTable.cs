namespace Toolkit.Optimizations.StructOfArrays;

/// <summary>
/// Names by index, as UTF-8 bytes in one arena with an offset per name: a name costs its bytes plus
/// a 4-byte offset, against a string object (20-26 bytes of header and length plus 2 bytes per char)
/// and the reference to it. Names are appended in index order and never change.
/// Reading is safe from many threads once appending has stopped.
/// </summary>
public sealed class NameTable
{
    private byte[] _bytes = [];
    private int[] _offsets = [0];
    private int _count;
    private int _length;

    /// <summary>Number of names.</summary>
    public int Count => _count;

    /// <summary>Bytes used by all names.</summary>
    public int ByteCount => _length;

    /// <summary>Appends a name; returns its index.</summary>
    public int Add(ReadOnlySpan<byte> name)
    {
        var end = (long)_length + name.Length;
        if (end > Array.MaxLength)
        {
            throw new InvalidOperationException("the name arena is full: more than 2 GB of names");
        }

        ArrayGrowth.EnsureCapacity(ref _bytes, (int)end);
        ArrayGrowth.EnsureCapacity(ref _offsets, _count + 2);
        name.CopyTo(_bytes.AsSpan(_length));
        _length = (int)end;
        _count++;
        _offsets[_count] = _length;
        return _count - 1;
    }

    /// <summary>The bytes of name <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> Get(int index)
    {
        if ((uint)index >= (uint)_count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"no name {index} (there are {_count})");
        }

        var start = _offsets[index];
        return _bytes.AsSpan(start, _offsets[index + 1] - start);
    }

    /// <summary>Cuts the arena and the offsets to what is used.</summary>
    public void Trim()
    {
        ArrayGrowth.Trim(ref _bytes, _length);
        ArrayGrowth.Trim(ref _offsets, _count + 1);
    }
}
