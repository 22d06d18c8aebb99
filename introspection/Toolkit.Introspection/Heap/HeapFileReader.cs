using System.Security.Cryptography;
using System.Text;

namespace Toolkit.Introspection.Heap;

/// <summary>
/// Reads the primitive values of a heap file through a 1 MiB buffer, tracking the byte offset,
/// and never trusting a length: every read is bounds-checked and a short file fails with the
/// offset and the record being read. Only a regular file is opened (a FIFO or a device would
/// block or never end), and once <see cref="BeginChecksum"/> is called every byte read is hashed.
/// </summary>
public sealed class HeapFileReader : IDisposable
{
    // Big blocks keep the read cost per object down; small next to any heap file.
    private const int BufferBytes = 1 << 20;

    private readonly FileStream _stream;
    private readonly byte[] _buffer;
    private byte[] _scratch = [];
    private int _start;
    private int _end;
    private long _bufferOffset;
    private IncrementalHash? _hash;
    private long _hashedTo;
    private long _hashUntil;

    /// <summary>Opens <paramref name="path"/>, which must be a regular file of at least <paramref name="minimumLength"/> bytes.</summary>
    public HeapFileReader(string path, long minimumLength = 0)
    {
        Path = path;
        FileInfo info;
        try
        {
            info = new FileInfo(path);
        }
        catch (IOException e)
        {
            throw new HeapFormatException($"{path}: cannot open heap file: {e.Message}", e);
        }
        if (!info.Exists)
        {
            throw new HeapFormatException($"{path}: cannot open heap file: no such file");
        }
        // A FIFO, device or socket has no length (stat's size is 0), so this check also keeps them from being opened:
        // opening a FIFO blocks until a writer comes, and /dev/zero never ends.
        if (info.Length < minimumLength)
        {
            throw new HeapFormatException($"{path}: not a heap file or truncated: only {info.Length} bytes (a heap file is a regular file of at least {minimumLength})");
        }
        try
        {
            _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HeapFormatException($"{path}: cannot open heap file: {e.Message}", e);
        }
        Length = _stream.Length;
        _buffer = new byte[(int)Math.Clamp(Length, 64, BufferBytes)];
    }

    public string Path { get; }

    public long Length { get; }

    /// <summary>Byte offset of the next value to read.</summary>
    public long Position => _bufferOffset + _start;

    /// <summary>The kind of record being read (header, type, object, root, footer), for error messages.</summary>
    public string Section { get; set; } = "header";

    /// <summary>The number of the record being read within its kind, for error messages.</summary>
    public long Record { get; set; }

    private string Context() => Section == "header" || Section == "footer" ? Section : $"{Section} record #{Record}";

    /// <summary>From now on every byte read is hashed, up to offset <paramref name="until"/>; call at offset 0 (right after <see cref="Seek"/>(0)).</summary>
    public void BeginChecksum(long until)
    {
        _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        _hashedTo = _bufferOffset;
        _hashUntil = until;
        HashBuffer();
    }

    /// <summary>Reads (and hashes) whatever is left before the checksum's end, then compares with <paramref name="expected"/>.</summary>
    public bool ChecksumMatches(ReadOnlySpan<byte> expected)
    {
        while (_hashedTo < _hashUntil)
        {
            _start = _end;
            Fill();
        }
        Span<byte> actual = stackalloc byte[HeapFileFormat.ChecksumBytes];
        _hash!.GetHashAndReset(actual);
        return actual.SequenceEqual(expected);
    }

    public void Seek(long offset)
    {
        _stream.Position = offset;
        _bufferOffset = offset;
        _start = 0;
        _end = 0;
    }

    public byte ReadByte()
    {
        if (_start == _end)
        {
            Fill();
        }
        return _buffer[_start++];
    }

    public ulong ReadVar()
    {
        ulong result = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (_start == _end)
            {
                Fill();
            }
            byte b = _buffer[_start++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                if (shift == 63 && b > 1)
                {
                    break;
                }
                return result;
            }
        }
        throw Damaged("a variable-length integer is longer than 64 bits");
    }

    /// <summary>Reads a variable-length integer that must not exceed <paramref name="max"/>.</summary>
    public long ReadVar(long max, string what)
    {
        ulong value = ReadVar();
        if (max < 0 || value > (ulong)max)
        {
            throw Damaged($"{what} is {value}, more than the allowed {max}");
        }
        return (long)value;
    }

    // A string's length, at most maxBytes; the message is built only when it is wrong (one string per object record otherwise).
    private int ReadLength(int maxBytes, string what)
    {
        ulong value = ReadVar();
        if (value > (ulong)maxBytes)
        {
            throw Damaged($"length of {what} is {value}, more than the allowed {maxBytes}");
        }
        return (int)value;
    }

    public string ReadString(int maxBytes, string what)
    {
        int count = ReadLength(maxBytes, what);
        if (count <= _end - _start)
        {
            string s = Encoding.UTF8.GetString(_buffer, _start, count);
            _start += count;
            return s;
        }
        byte[] bytes = new byte[count];
        ReadExactly(bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Reads a length-prefixed byte string of at most <paramref name="maxBytes"/> bytes; the span is valid until the next read.</summary>
    public ReadOnlySpan<byte> ReadSpan(int maxBytes, string what)
    {
        int count = ReadLength(maxBytes, what);
        if (count <= _end - _start)
        {
            var span = _buffer.AsSpan(_start, count);
            _start += count;
            return span;
        }
        if (_scratch.Length < count)
        {
            _scratch = new byte[count];
        }
        ReadExactly(_scratch.AsSpan(0, count));
        return _scratch.AsSpan(0, count);
    }

    public void ReadExactly(Span<byte> target)
    {
        while (target.Length > 0)
        {
            if (_start == _end)
            {
                Fill();
            }
            int n = Math.Min(target.Length, _end - _start);
            _buffer.AsSpan(_start, n).CopyTo(target);
            _start += n;
            target = target[n..];
        }
    }

    public HeapFormatException Damaged(string what) =>
        new($"{Path}: damaged heap file at byte {Position} ({Context()}): {what}");

    public void Dispose()
    {
        _stream.Dispose();
        _hash?.Dispose();
    }

    private void Fill()
    {
        _bufferOffset += _end;
        _start = 0;
        _end = _stream.Read(_buffer, 0, _buffer.Length);
        if (_end == 0)
        {
            throw new HeapFormatException($"{Path}: heap file truncated: it ends at byte {Position} while reading {Context()}");
        }
        HashBuffer();
    }

    private void HashBuffer()
    {
        if (_hash is null)
        {
            return;
        }
        long from = Math.Max(_hashedTo, _bufferOffset);
        long to = Math.Min(_bufferOffset + _end, _hashUntil);
        if (to > from)
        {
            _hash.AppendData(_buffer, (int)(from - _bufferOffset), (int)(to - from));
            _hashedTo = to;
        }
    }
}
