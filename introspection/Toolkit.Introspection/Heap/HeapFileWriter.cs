using System.Security.Cryptography;
using System.Text;

namespace Toolkit.Introspection.Heap;

/// <summary>
/// Writes a heap file as a stream of records (docs/heap-file-format.md): the writer keeps only a
/// 1 MiB buffer, never the graph, and a running SHA-256 of what it wrote. The file is written
/// under a new temporary name beside the target, readable and writable by its owner only (mode
/// 600 on Unix, because it holds string contents of the captured process), and renamed onto the
/// target by <see cref="Finish"/>: an interrupted capture leaves no half file, and a symbolic
/// link at the target is replaced, never written through. Version 3 (the default) keeps the type
/// records (a few KB to MB) and a chunk index (the offset, previous address and references so far of
/// every <see cref="HeapFileFormat.DefaultChunkObjects"/>-th object) aside and writes them after the
/// objects, so a reader can parse chunks of objects in parallel; version 2 writes each type before
/// its first object, for readers of version 2. A full buffer is hashed and written on a
/// second thread while the caller fills the other one (two buffers, so the walk does not wait for the
/// disk or the hash: those were a fifth of the capture's CPU at 10M objects); the bytes are the same.
/// </summary>
public sealed class HeapFileWriter : IDisposable
{
    // Large enough that writes reach the disk in big blocks, small next to any heap.
    private const int BufferBytes = 1 << 20;

    private readonly FileStream _stream;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly string _path;
    private readonly string _temporary;
    private byte[] _buffer = new byte[BufferBytes];
    private byte[] _spare = new byte[BufferBytes];
    private Task? _pending;
    private long _handedOff;
    private readonly System.Diagnostics.Stopwatch _busy = new();
    private readonly System.Diagnostics.Stopwatch _waited = new();
    private int _used;
    private ulong _previousAddress;
    private bool _finished;
    private readonly int _version;
    private readonly int _chunkObjects;
    // Version 3: the type records, encoded in _buffer from _captureFrom (-1: not capturing) and moved here, written after the objects.
    private readonly ByteBuffer _typeRecords = new();
    private int _captureFrom = -1;
    // Version 3: per chunk after the first, the offset of its first object record, the address before it, the references before it.
    private readonly List<(long Offset, ulong Previous, long References)> _chunks = [];

    /// <summary>Writes <paramref name="path"/> in <paramref name="version"/> (3, or 2 for older readers); version 3 indexes every
    /// <paramref name="chunkObjects"/>-th object (a positive multiple of 64).</summary>
    public HeapFileWriter(string path, int version = HeapFileFormat.Version, int chunkObjects = HeapFileFormat.DefaultChunkObjects)
    {
        if (version is not (2 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "heap file version 2 or 3");
        }
        if (chunkObjects <= 0 || chunkObjects % 64 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(chunkObjects), chunkObjects, "a positive multiple of 64");
        }
        _version = version;
        _chunkObjects = chunkObjects;
        _path = Path.GetFullPath(path);
        _temporary = Path.Combine(Path.GetDirectoryName(_path)!, "." + Path.GetFileName(_path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        // CreateNew: a new file of our own (O_EXCL never follows a link), owner-only from the start.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            _stream = new FileStream(_temporary, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HeapCaptureException($"{_path}: cannot write the heap file: {e.Message}", e);
        }
    }

    public long Objects { get; private set; }

    public long References { get; private set; }

    public int Types { get; private set; }

    public long Roots { get; private set; }

    public int Segments { get; private set; }

    public long TotalObjectBytes { get; private set; }

    public long BytesWritten => _handedOff + _used;

    /// <summary>Time the background thread spent hashing and writing buffers.</summary>
    public TimeSpan WriteTime => _busy.Elapsed;

    /// <summary>Time the caller waited for the background thread (to hand it the next buffer, and at <see cref="Finish"/>).</summary>
    public TimeSpan WaitTime => _waited.Elapsed;

    public void WriteHeader(bool stringContents, int maxStringChars, int pointerSize, string source, int processId, string runtimeVersion)
    {
        WriteBytes(HeapFileFormat.Magic);
        WriteVar((ulong)_version);
        WriteVar(stringContents ? (ulong)HeapFileFormat.FlagStringContents : 0UL);
        WriteVar((ulong)maxStringChars);
        WriteVar((ulong)pointerSize);
        WriteString(source);
        WriteVar((ulong)processId);
        WriteVar((ulong)DateTime.UtcNow.Ticks);
        WriteString(runtimeVersion);
    }

    /// <summary>Writes a type record; types are numbered in the order written, from 0.</summary>
    public int WriteType(HeapType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (_version >= 3)
        {
            _captureFrom = _used;
        }
        WriteByte(HeapFileFormat.TypeTag);
        WriteVar((ulong)Types);
        WriteVar(type.MethodTable);
        WriteString(type.Name);
        WriteString(type.Module);
        byte flags = 0;
        if (type.IsArray)
        {
            flags |= HeapFileFormat.TypeIsArray;
        }
        if (type.IsString)
        {
            flags |= HeapFileFormat.TypeIsString;
        }
        if (type.HasCount)
        {
            flags |= HeapFileFormat.TypeHasCount;
        }
        WriteByte(flags);
        WriteVar((ulong)type.BaseSize);
        WriteVar((ulong)type.ComponentSize);
        WriteVar((ulong)type.Fields.Count);
        foreach (var field in type.Fields)
        {
            WriteString(field.Name);
            WriteVar((ulong)field.Offset);
            WriteVar((ulong)field.Size);
            WriteByte((byte)((field.IsReference ? HeapFileFormat.FieldIsReference : 0) | (field.IsValueType ? HeapFileFormat.FieldIsValueType : 0)));
        }
        if (_captureFrom >= 0)
        {
            Capture();
            _captureFrom = -1;
        }
        return Types++;
    }

    /// <summary>Starts an object record; follow with <see cref="WriteReference"/> exactly <paramref name="referenceCount"/> times.
    /// Objects must come in strictly increasing address order. <paramref name="contents"/> is a string's characters (any span: the walker
    /// passes a view of the captured memory, so no string is made per object).</summary>
    public void WriteObject(ulong address, int typeIndex, ulong size, long length, ReadOnlySpan<char> contents, long count, int referenceCount, bool isArrayOrString, bool hasCount, bool isString, bool stringContents)
    {
        if (address <= _previousAddress && Objects > 0)
        {
            throw new InvalidOperationException($"objects must be written in increasing address order: 0x{address:x} after 0x{_previousAddress:x}");
        }
        if (_version >= 3 && Objects > 0 && Objects % _chunkObjects == 0)
        {
            _chunks.Add((BytesWritten, _previousAddress, References));
        }
        WriteByte(HeapFileFormat.ObjectTag);
        WriteVar(address - (Objects == 0 ? 0 : _previousAddress));
        _previousAddress = address;
        WriteVar((ulong)typeIndex);
        WriteVar(size);
        if (isArrayOrString)
        {
            WriteVar((ulong)length);
        }
        if (isString && stringContents)
        {
            WriteString(contents);
        }
        if (hasCount)
        {
            WriteVar((ulong)Math.Max(0, count));
        }
        WriteVar((ulong)referenceCount);
        Objects++;
        TotalObjectBytes += (long)size;
    }

    public void WriteReference(ulong fromAddress, ulong toAddress, int fieldOrdinal, bool withField)
    {
        if (withField)
        {
            WriteVar((ulong)fieldOrdinal);
        }
        long delta = unchecked((long)(toAddress - fromAddress));
        WriteVar(unchecked((ulong)((delta << 1) ^ (delta >> 63))));
        References++;
    }

    /// <summary>Writes a root: its kind, the object, and a name (a static field's "Type.Field", else empty).</summary>
    public void WriteRoot(HeapRootKind kind, ulong address, string name = "")
    {
        WriteByte(HeapFileFormat.RootTag);
        WriteByte((byte)kind);
        WriteVar(address);
        WriteString(name);
        Roots++;
    }

    /// <summary>Writes a segment (an address range of one generation) with the free space found in it.</summary>
    public void WriteSegment(HeapSegment segment)
    {
        WriteByte(HeapFileFormat.SegmentTag);
        WriteVar(segment.Start);
        WriteVar(segment.Length);
        WriteByte((byte)segment.Generation);
        WriteVar((ulong)segment.FreeObjects);
        WriteVar((ulong)segment.FreeBytes);
        Segments++;
    }

    /// <summary>Writes the end record, the footer counts and the checksum of everything before it, flushes, and renames the file onto its path.</summary>
    public void Finish()
    {
        long tailAt = BytesWritten;
        if (_version >= 3)
        {
            WriteTail();
        }
        WriteByte(HeapFileFormat.EndTag);
        Span<byte> counts = stackalloc byte[_version >= 3 ? HeapFileFormat.FooterCountBytes : HeapFileFormat.FooterCountBytesV2];
        BitConverter.TryWriteBytes(counts[0..8], Objects);
        BitConverter.TryWriteBytes(counts[8..16], References);
        BitConverter.TryWriteBytes(counts[16..24], (long)Types);
        BitConverter.TryWriteBytes(counts[24..32], Roots);
        BitConverter.TryWriteBytes(counts[32..40], (long)Segments);
        if (_version >= 3)
        {
            BitConverter.TryWriteBytes(counts[40..48], tailAt);
        }
        WriteBytes(counts);
        Flush();
        WaitForPending();
        Span<byte> tail = stackalloc byte[HeapFileFormat.ChecksumBytes + 8];
        _hash.GetHashAndReset(tail[..HeapFileFormat.ChecksumBytes]);
        HeapFileFormat.EndMagic.CopyTo(tail[HeapFileFormat.ChecksumBytes..]);
        _stream.Write(tail);
        _stream.Flush(true);
        _stream.Dispose();
        File.Move(_temporary, _path, overwrite: true);
        _finished = true;
    }

    /// <summary>Deletes the temporary file of an unfinished capture.</summary>
    public void Dispose()
    {
        if (!_finished)
        {
            try
            {
                _pending?.Wait();
            }
            catch (AggregateException)
            {
                // The write that failed was reported (or the capture failed before); the half file goes.
            }
            _stream.Dispose();
            File.Delete(_temporary);
        }
        _hash.Dispose();
    }

    // Version 3's tail: the type records, then the chunk index (objects per chunk, the number of entries, and per entry the
    // deltas of its offset, previous address and references from the entry before, the first from 0).
    private void WriteTail()
    {
        WriteBytes(_typeRecords.Span);
        WriteByte(HeapFileFormat.IndexTag);
        WriteVar((ulong)_chunkObjects);
        WriteVar((ulong)_chunks.Count);
        (long Offset, ulong Previous, long References) before = (0, 0, 0);
        foreach (var chunk in _chunks)
        {
            WriteVar((ulong)(chunk.Offset - before.Offset));
            WriteVar(chunk.Previous - before.Previous);
            WriteVar((ulong)(chunk.References - before.References));
            before = chunk;
        }
    }

    // Moves the type record being encoded (from _captureFrom) out of the buffer, to be written after the objects.
    private void Capture()
    {
        var record = _buffer.AsSpan(_captureFrom, _used - _captureFrom);
        record.CopyTo(_typeRecords.Reserve(record.Length));
        _used = _captureFrom;
        _captureFrom = 0;
    }

    private void WriteString(ReadOnlySpan<char> value)
    {
        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max + 10 > BufferBytes - _used)
        {
            Flush();
        }
        if (max + 10 > BufferBytes)
        {
            byte[] bytes = new byte[Encoding.UTF8.GetByteCount(value)];
            Encoding.UTF8.GetBytes(value, bytes);
            WriteVar((ulong)bytes.Length);
            WriteBytes(bytes);
            return;
        }
        int count = Encoding.UTF8.GetByteCount(value);
        WriteVar((ulong)count);
        _used += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used));
    }

    private void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > 0)
        {
            if (_used == BufferBytes)
            {
                Flush();
            }
            int n = Math.Min(bytes.Length, BufferBytes - _used);
            bytes[..n].CopyTo(_buffer.AsSpan(_used));
            _used += n;
            bytes = bytes[n..];
        }
    }

    private void WriteByte(byte value)
    {
        if (_used == BufferBytes)
        {
            Flush();
        }
        _buffer[_used++] = value;
    }

    private void WriteVar(ulong value)
    {
        if (BufferBytes - _used < 10)
        {
            Flush();
        }
        while (value >= 0x80)
        {
            _buffer[_used++] = (byte)(value | 0x80);
            value >>= 7;
        }
        _buffer[_used++] = (byte)value;
    }

    /// <summary>Hands the filled part of the buffer to the background thread (after the previous one is written) and goes on in the other buffer.</summary>
    private void Flush()
    {
        if (_captureFrom >= 0)
        {
            // A type record being set aside is not written here; what came before it is.
            Capture();
        }
        WaitForPending();
        byte[] full = _buffer;
        int count = _used;
        _buffer = _spare;
        _spare = full;
        _handedOff += count;
        _used = 0;
        _pending = Task.Run(() =>
        {
            _busy.Start();
            _hash.AppendData(full, 0, count);
            _stream.Write(full, 0, count);
            _busy.Stop();
        });
    }

    /// <summary>Waits for the buffer being written, rethrowing its failure (a full disk) here.</summary>
    private void WaitForPending()
    {
        if (_pending is null)
        {
            return;
        }
        _waited.Start();
        try
        {
            _pending.GetAwaiter().GetResult();
        }
        finally
        {
            _waited.Stop();
            _pending = null;
        }
    }
}
