using System.Security.Cryptography;
using System.Text;

namespace Toolkit.Introspection.Heap;

/// <summary>
/// Reads the primitive values of a heap file through a 1 MiB buffer, tracking the byte offset,
/// and never trusting a length: every read is bounds-checked and a short file fails with the
/// offset and the record being read. Only a regular file is opened (a FIFO or a device would
/// block or never end). Reads are positional on one open file, so readers made with
/// <see cref="HeapFileReader(HeapFileReader)"/> read other parts of the same file on other threads
/// (the chunks of a parallel load, the checksum of <see cref="ChecksumMatches"/>).
/// </summary>
public sealed class HeapFileReader : IDisposable
{
    // Big blocks keep the read cost per object down; small next to any heap file.
    private const int BufferBytes = 1 << 20;

    private readonly FileStream _stream;
    private readonly bool _ownsStream;
    private readonly byte[] _buffer;
    private byte[] _scratch = [];
    private int _start;
    private int _end;
    private long _bufferOffset;

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
        _ownsStream = true;
        Length = _stream.Length;
        _buffer = new byte[(int)Math.Clamp(Length, 64, BufferBytes)];
    }

    /// <summary>Another reader of the file <paramref name="file"/> has open (at offset 0, with its own buffer), for another thread.</summary>
    public HeapFileReader(HeapFileReader file)
    {
        ArgumentNullException.ThrowIfNull(file);
        Path = file.Path;
        _stream = file._stream;
        Length = file.Length;
        _buffer = new byte[file._buffer.Length];
    }

    public string Path { get; }

    public long Length { get; }

    /// <summary>Byte offset of the next value to read.</summary>
    public long Position => _bufferOffset + _start;

    /// <summary>The kind of record being read (header, type, object, root, footer), for error messages.</summary>
    public string Section { get; set; } = "header";

    /// <summary>The number of the record being read within its kind, for error messages.</summary>
    public long Record { get; set; }

    /// <summary>The chunk of a parallel load being read (-1: none), for error messages of records numbered within it.</summary>
    public int Chunk { get; set; } = -1;

    private string Context() => Section == "header" || Section == "footer" ? Section
        : Chunk >= 0 && Section != "object" ? $"{Section} record #{Record} of chunk {Chunk}" : $"{Section} record #{Record}";

    /// <summary>Reads bytes 0 to <paramref name="until"/> (through its own buffer, positional reads: safe beside other readers of
    /// the file) and compares their SHA-256 with <paramref name="expected"/>.</summary>
    public bool ChecksumMatches(long until, byte[] expected, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(expected);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[_buffer.Length];
        for (long at = 0; at < until;)
        {
            cancel.ThrowIfCancellationRequested();
            int n = RandomAccess.Read(_stream.SafeFileHandle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, until - at)), at);
            if (n == 0)
            {
                throw new HeapFormatException($"{Path}: heap file truncated: it ends at byte {at} while reading it for its checksum");
            }
            hash.AppendData(buffer, 0, n);
            at += n;
        }
        Span<byte> actual = stackalloc byte[HeapFileFormat.ChecksumBytes];
        hash.GetHashAndReset(actual);
        return actual.SequenceEqual(expected);
    }

    public void Seek(long offset)
    {
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
        // Most values of a heap file (deltas, type numbers, sizes, counts) take one or two bytes: decoded without a check per byte
        // when the buffer holds the longest varint.
        int at = _start;
        if (_end - at >= 10)
        {
            byte first = _buffer[at];
            if (first < 0x80)
            {
                _start = at + 1;
                return first;
            }
            byte second = _buffer[at + 1];
            if (second < 0x80)
            {
                _start = at + 2;
                return (first & 0x7FUL) | ((ulong)second << 7);
            }
        }
        return ReadLongVar();
    }

    private ulong ReadLongVar()
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
        if (_ownsStream)
        {
            _stream.Dispose();
        }
    }

    private void Fill()
    {
        _bufferOffset += _end;
        _start = 0;
        _end = RandomAccess.Read(_stream.SafeFileHandle, _buffer, _bufferOffset);
        if (_end == 0)
        {
            throw new HeapFormatException($"{Path}: heap file truncated: it ends at byte {Position} while reading {Context()}");
        }
    }
}
