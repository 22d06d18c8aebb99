using System.Text;

namespace Toolkit.Introspection.Heap;

/// <summary>
/// Writes a heap file as a stream of records (format in HEAP-FILE-FORMAT.md): the writer keeps
/// only a 1 MiB buffer, never the graph. The file is created readable and writable by its owner
/// only (mode 600 on Unix), because it holds string contents of the captured process.
/// </summary>
public sealed class HeapFileWriter : IDisposable
{
    // Large enough that writes reach the disk in big blocks, small next to any heap.
    private const int BufferBytes = 1 << 20;

    private readonly FileStream _stream;
    private readonly byte[] _buffer = new byte[BufferBytes];
    private int _used;
    private ulong _previousAddress;
    private bool _finished;

    public HeapFileWriter(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        _stream = new FileStream(path, options);
        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode applies only to a new file; an existing file keeps its mode otherwise.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    public long Objects { get; private set; }

    public long References { get; private set; }

    public int Types { get; private set; }

    public long Roots { get; private set; }

    public long TotalObjectBytes { get; private set; }

    public long BytesWritten => _stream.Position + _used;

    public void WriteHeader(bool stringContents, int maxStringChars, int pointerSize, string source, int processId, string runtimeVersion)
    {
        WriteBytes(HeapFileFormat.Magic);
        WriteVar((ulong)HeapFileFormat.Version);
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
        WriteByte(HeapFileFormat.TypeTag);
        WriteVar((ulong)Types);
        WriteVar(type.MethodTable);
        WriteString(type.Name);
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
        return Types++;
    }

    /// <summary>Starts an object record; follow with <see cref="WriteReference"/> exactly <paramref name="referenceCount"/> times.
    /// Objects must come in strictly increasing address order.</summary>
    public void WriteObject(ulong address, int typeIndex, ulong size, long length, string? contents, long count, int referenceCount, bool isArrayOrString, bool hasCount, bool isString, bool stringContents)
    {
        if (address <= _previousAddress && Objects > 0)
        {
            throw new InvalidOperationException($"objects must be written in increasing address order: 0x{address:x} after 0x{_previousAddress:x}");
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
            WriteString(contents ?? string.Empty);
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

    public void WriteRoot(HeapRootKind kind, ulong address)
    {
        WriteByte(HeapFileFormat.RootTag);
        WriteByte((byte)kind);
        WriteVar(address);
        Roots++;
    }

    /// <summary>Writes the end record and the footer, flushes and closes the file.</summary>
    public void Finish()
    {
        WriteByte(HeapFileFormat.EndTag);
        Span<byte> footer = stackalloc byte[HeapFileFormat.FooterBytes];
        BitConverter.TryWriteBytes(footer[0..8], Objects);
        BitConverter.TryWriteBytes(footer[8..16], References);
        BitConverter.TryWriteBytes(footer[16..24], (long)Types);
        BitConverter.TryWriteBytes(footer[24..32], Roots);
        HeapFileFormat.EndMagic.CopyTo(footer[32..]);
        WriteBytes(footer);
        Flush();
        _stream.Flush(true);
        _finished = true;
        _stream.Dispose();
    }

    public void Dispose()
    {
        if (!_finished)
        {
            _stream.Dispose();
        }
    }

    private void WriteString(string value)
    {
        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max + 10 > BufferBytes - _used)
        {
            Flush();
        }
        if (max + 10 > BufferBytes)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(value);
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

    private void Flush()
    {
        _stream.Write(_buffer, 0, _used);
        _used = 0;
    }
}
