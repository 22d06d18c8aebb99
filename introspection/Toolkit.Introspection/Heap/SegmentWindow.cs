using Microsoft.Diagnostics.Runtime;

namespace Toolkit.Introspection.Heap;

/// <summary>
/// A read-ahead window over one segment's memory: the walker reads each object's header, length, string
/// contents and reference slots from here instead of asking the dump reader once per object (each such
/// ask was a file read of a few bytes: most of the walk's time). Saves about five reads per object;
/// costs one buffer of <see cref="WindowBytes"/> for the whole capture. Objects bigger than the window,
/// or memory the dump lacks, are not served: the caller falls back to reading through ClrMD.
/// </summary>
public sealed class SegmentWindow
{
    // Large enough that one read covers tens of thousands of small objects; small next to any heap that is worth a capture.
    public const int WindowBytes = 4 << 20;

    private readonly IDataReader _reader;
    private readonly byte[] _buffer = new byte[WindowBytes];
    private ulong _base;
    private int _length;
    private ulong _limit;

    public SegmentWindow(IDataReader reader) => _reader = reader;

    /// <summary>Number of block reads made so far (a test checks the window is used, not bypassed).</summary>
    public long Reads { get; private set; }

    /// <summary>Starts a segment: nothing at or beyond <paramref name="end"/> is read.</summary>
    public void Reset(ulong end)
    {
        _limit = end;
        _length = 0;
        _base = 0;
    }

    /// <summary>The <paramref name="count"/> bytes at <paramref name="address"/>, when the window holds or can read them.</summary>
    public bool TryGet(ulong address, int count, out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        if (count < 0 || count > WindowBytes)
        {
            return false;
        }
        if (address < _base || address + (ulong)count > _base + (ulong)_length)
        {
            if (address + (ulong)count > _limit)
            {
                return false;
            }
            int want = (int)Math.Min((ulong)WindowBytes, _limit - address);
            _base = address;
            _length = Math.Max(0, _reader.Read(address, _buffer.AsSpan(0, want)));
            Reads++;
            if (count > _length)
            {
                return false;
            }
        }
        bytes = _buffer.AsSpan((int)(address - _base), count);
        return true;
    }
}
