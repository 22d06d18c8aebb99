using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Persistence;

/// <summary>
/// Writes a <see cref="CheckedFile"/> (SHA-256 framed) in parts, through <see cref="IFileSystem.BeginWrite"/>: the header
/// first (so the payload's length must be known before: a writer encodes once to count and hash, once to write), then each
/// part of the payload hashed and written as it comes, then the checksum. The bytes are those
/// <see cref="CheckedFile.Write(IFileSystem, string, ReadOnlySpan{byte}, uint, PayloadWriter)"/> writes for the same payload.
/// Saves holding the payload whole (the signature database of 200k nodes: ~9 MB at the end of a full build, when the
/// process is at its largest); costs the second encoding. Atomic as the file system's write: disposed without
/// <see cref="Commit"/>, it leaves the old file.
/// </summary>
public sealed class CheckedFileWriter : IDisposable
{
    /// <summary>
    /// Bytes an encoder gathers before it hands a part on: 32 KiB, so that its pooled buffer (a power of two above a part
    /// and the entry that ends it, 64 KiB) stays below the large object heap's threshold, while a part is still one write
    /// system call among ~300 for a signature database of 200k nodes.
    /// </summary>
    public const int PartBytes = 32 * 1024;

    /// <summary>Room beyond a part for the entry that ends it, to size an encoder's buffer: an entry of an ordinary path; a longer one grows it once.</summary>
    public const int EntryRoom = 1024;

    private readonly IFileWrite _file;
    private readonly ManagedSha256.Incremental _checksum = new();
    private readonly ulong _payloadLength;
    private ulong _written;

    /// <summary>Starts <paramref name="path"/> with the header of a payload of <paramref name="payloadLength"/> bytes.</summary>
    public CheckedFileWriter(IFileSystem fileSystem, string path, ReadOnlySpan<byte> magic, uint version, long payloadLength)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentOutOfRangeException.ThrowIfNegative(payloadLength);
        Span<byte> header = stackalloc byte[CheckedFile.HeaderSize];
        CheckedFile.WriteHeader(header, magic, version, (ulong)payloadLength);
        _payloadLength = (ulong)payloadLength;
        _file = fileSystem.BeginWrite(path);
        try
        {
            Append(header);
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    /// <summary>Appends the next part of the payload; more than the header's length in all is a bug of the caller.</summary>
    public void Write(ReadOnlySpan<byte> part)
    {
        if (_written + (ulong)part.Length > _payloadLength)
        {
            throw new InvalidOperationException($"the payload is longer than the {_payloadLength} bytes its header says (a bug: the two encodings differ)");
        }

        _written += (ulong)part.Length;
        Append(part);
    }

    /// <summary>Appends the checksum and replaces the file; a payload shorter than the header's length is a bug of the caller.</summary>
    public void Commit()
    {
        if (_written != _payloadLength)
        {
            throw new InvalidOperationException($"the payload is {_written} bytes, its header says {_payloadLength} (a bug: the two encodings differ)");
        }

        Span<byte> digest = stackalloc byte[CheckedFile.ChecksumSize];
        _checksum.Finish(digest);
        _file.Write(digest);
        _file.Commit();
    }

    /// <summary>The bytes <paramref name="encode"/> gives its sink, counted (the first of the two encodings a write in parts needs).</summary>
    public static long Measure(Action<Action<ReadOnlySpan<byte>>> encode)
    {
        ArgumentNullException.ThrowIfNull(encode);
        var length = 0L;
        encode(part => length += part.Length);
        return length;
    }

    /// <summary>Writes the file whose payload <paramref name="encode"/> gives, <paramref name="payloadLength"/> bytes (<see cref="Measure"/>), in parts.</summary>
    public static void Write(IFileSystem fileSystem, string path, ReadOnlySpan<byte> magic, uint version, long payloadLength, Action<Action<ReadOnlySpan<byte>>> encode)
    {
        ArgumentNullException.ThrowIfNull(encode);
        using var file = new CheckedFileWriter(fileSystem, path, magic, version, payloadLength);
        encode(file.Write);
        file.Commit();
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();

    private void Append(ReadOnlySpan<byte> bytes)
    {
        _checksum.Append(bytes);
        _file.Write(bytes);
    }
}
