using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Persistence;

/// <summary>
/// The container for every binary file the engine writes (signature database, scan cache):
/// <code>
/// offset 0   8 bytes  magic, one per file kind
/// offset 8   u32 LE   format version (1 or more)
/// offset 12  u64 LE   payload length N
/// offset 20  N bytes  payload
/// offset 20+N 32 bytes SHA-256 of bytes [0, 20+N) (header and payload)
/// </code>
/// Files are written whole and atomically through <see cref="IFileSystem.WriteAllBytes"/>, or in parts by
/// <see cref="CheckedFileWriter"/> (the same bytes, never whole in memory).
/// Reading checks, in order: the kind of file (a FIFO or a device is refused before it is opened),
/// the size against the header, the magic, the version, the length field against the real size
/// (all from the first 20 bytes, before the body is read or a buffer allocated), then the checksum; any failure is a
/// <see cref="CheckedFileStatus.Damaged"/> result with a reason, never an exception.
/// The full SHA-256 is kept (32 bytes per file), computed by <see cref="ManagedSha256"/>: OpenSSL's (the platform's
/// SHA-256 on Linux) would map libcrypto, 3.6 MiB resident, into every null build and full build for the sake of
/// a checksum. The build image asks for a 16-byte XxHash128 instead (<see cref="FrameChecksum.XxHash128"/>), far
/// cheaper to compute: it is read by the null build's fast path.
/// </summary>
public static class CheckedFile
{
    /// <summary>Bytes of the magic.</summary>
    public const int MagicSize = 8;

    /// <summary>Bytes before the payload: magic, version, payload length.</summary>
    public const int HeaderSize = MagicSize + sizeof(uint) + sizeof(ulong);

    /// <summary>Bytes of the trailing checksum (a full SHA-256).</summary>
    public const int ChecksumSize = ManagedSha256.HashSizeInBytes;

    /// <summary>Bytes a file takes beyond its payload.</summary>
    public const int Overhead = HeaderSize + ChecksumSize;

    private const int XxHash128ChecksumSize = 16;
    private const int VersionOffset = MagicSize;
    private const int LengthOffset = MagicSize + sizeof(uint);

    /// <summary>Writes a file from a payload already in memory (copies it once into the framed buffer).</summary>
    public static void Write(IFileSystem fileSystem, string path, ReadOnlySpan<byte> magic, uint version, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        CheckArguments(magic, version);
        var total = checked(Overhead + payload.Length);
        var rented = ScratchBuffers.Rent(total);
        try
        {
            var file = rented.AsSpan(0, total);
            payload.CopyTo(file[HeaderSize..]);
            Frame(file, magic, version, payload.Length, FrameChecksum.Sha256);
            fileSystem.WriteAllBytes(path, file);
        }
        finally
        {
            ScratchBuffers.Return(rented);
        }
    }

    /// <summary>
    /// Writes a file from a <see cref="PayloadWriter"/> without copying the payload: the writer
    /// keeps room for the header in front of what it wrote and the checksum is appended behind it.
    /// The writer's payload is unchanged and it may be reused or disposed afterwards.
    /// </summary>
    public static void Write(IFileSystem fileSystem, string path, ReadOnlySpan<byte> magic, uint version, PayloadWriter payload) =>
        Write(fileSystem, path, magic, version, payload, FrameChecksum.Sha256);

    /// <summary>As <see cref="Write(IFileSystem, string, ReadOnlySpan{byte}, uint, PayloadWriter)"/> with the trailing checksum <paramref name="checksum"/>.</summary>
    public static void Write(IFileSystem fileSystem, string path, ReadOnlySpan<byte> magic, uint version, PayloadWriter payload, FrameChecksum checksum)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(payload);
        CheckArguments(magic, version);
        var file = payload.GetFramedBuffer(ChecksumSizeOf(checksum));
        Frame(file, magic, version, payload.Length, checksum);
        fileSystem.WriteAllBytes(path, file);
    }

    /// <summary>The payload length a header claims (its first <see cref="HeaderSize"/> bytes; check it with <see cref="CheckHeader"/> first).</summary>
    public static ulong ClaimedPayloadLength(ReadOnlySpan<byte> header) => BinaryPrimitives.ReadUInt64LittleEndian(header[LengthOffset..]);

    /// <summary>Bytes of the trailing checksum of kind <paramref name="checksum"/>.</summary>
    public static int ChecksumSizeOf(FrameChecksum checksum) => checksum == FrameChecksum.XxHash128 ? XxHash128ChecksumSize : ChecksumSize;

    /// <summary>
    /// Reads and checks a file. <paramref name="maxVersion"/> is the newest format version the
    /// caller understands (versions 1..maxVersion are accepted). Never throws for a missing,
    /// unreadable or damaged file: the result says which.
    /// </summary>
    public static CheckedFileReadResult TryRead(IFileSystem fileSystem, string path, ReadOnlySpan<byte> magic, uint maxVersion)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        CheckArguments(magic, maxVersion);
        Stream stream;
        try
        {
            stream = fileSystem.OpenRead(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return CheckedFileReadResult.Missing();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return CheckedFileReadResult.Damaged($"cannot be read: {exception.Message}");
        }

        try
        {
            using (stream)
            {
                return ReadChecked(stream, magic, maxVersion);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return CheckedFileReadResult.Damaged($"cannot be read: {exception.Message}");
        }
    }

    /// <summary>
    /// Reads the header alone first and checks the magic, the version and the claimed length
    /// against the file's real size, so that a damaged or hostile file (a sparse 2 GB file of
    /// zeros, a length field of 2^63) is refused before its body is read or a buffer allocated.
    /// </summary>
    private static CheckedFileReadResult ReadChecked(Stream stream, ReadOnlySpan<byte> magic, uint maxVersion)
    {
        if (!stream.CanSeek)
        {
            return CheckedFileReadResult.Damaged("cannot be read: not a regular file");
        }

        var size = stream.Length;
        Span<byte> header = stackalloc byte[HeaderSize];
        var headerLength = (int)Math.Min(size, HeaderSize);
        stream.ReadExactly(header[..headerLength]);
        if (CheckHeader(header[..headerLength], size, magic, maxVersion, FrameChecksum.Sha256) is { } reason)
        {
            return CheckedFileReadResult.Damaged(reason);
        }

        var file = new byte[size];
        header.CopyTo(file);
        stream.ReadExactly(file.AsSpan(HeaderSize));
        return Check(file, magic, maxVersion);
    }

    /// <summary>Checks the bytes of a whole file, as <see cref="TryRead"/> does after reading them.</summary>
    public static CheckedFileReadResult Check(byte[] file, ReadOnlySpan<byte> magic, uint maxVersion)
    {
        ArgumentNullException.ThrowIfNull(file);
        CheckArguments(magic, maxVersion);
        if (CheckFrame(file, magic, maxVersion, out var version, out var payloadLength) is { } reason)
        {
            return CheckedFileReadResult.Damaged(reason);
        }

        return CheckedFileReadResult.Ok(version, file.AsMemory(HeaderSize, payloadLength));
    }

    /// <summary>
    /// Checks the bytes of a whole file in place (a memory-mapped file: nothing is copied); null when it is whole,
    /// else the reason it is damaged. The payload is <c>file.Slice(HeaderSize, payloadLength)</c>.
    /// </summary>
    public static string? CheckFrame(ReadOnlySpan<byte> file, ReadOnlySpan<byte> magic, uint maxVersion, out uint version, out int payloadLength)
    {
        CheckArguments(magic, maxVersion);
        version = 0;
        payloadLength = 0;
        if (CheckHeader(file[..Math.Min(file.Length, HeaderSize)], file.Length, magic, maxVersion, FrameChecksum.Sha256) is { } reason)
        {
            return reason;
        }

        var claimed = BinaryPrimitives.ReadUInt64LittleEndian(file[LengthOffset..]);
        version = BinaryPrimitives.ReadUInt32LittleEndian(file[VersionOffset..]);
        payloadLength = (int)claimed;
        var checkedLength = HeaderSize + payloadLength;
        Span<byte> digest = stackalloc byte[ChecksumSize];
        ManagedSha256.HashData(file[..checkedLength], digest);
        return digest.SequenceEqual(file.Slice(checkedLength, ChecksumSize))
            ? null
            : "checksum mismatch: the header or payload changed after the file was written";
    }

    /// <summary>The version field of a file's first bytes, or 0 when there are too few of them or the magic is not <paramref name="magic"/>.</summary>
    public static uint PeekVersion(ReadOnlySpan<byte> file, ReadOnlySpan<byte> magic) =>
        file.Length >= HeaderSize && file[..MagicSize].SequenceEqual(magic) ? BinaryPrimitives.ReadUInt32LittleEndian(file[VersionOffset..]) : 0;

    /// <summary>
    /// The reason a file of <paramref name="size"/> bytes starting with <paramref name="header"/> (its first <see cref="HeaderSize"/>
    /// bytes, fewer when it is shorter) and ending in a <paramref name="checksum"/> is damaged, or null; the checksum is not checked.
    /// </summary>
    public static string? CheckHeader(ReadOnlySpan<byte> header, long size, ReadOnlySpan<byte> magic, uint maxVersion, FrameChecksum checksum)
    {
        CheckArguments(magic, maxVersion);
        var checksumSize = ChecksumSizeOf(checksum);
        if (header.Length < HeaderSize)
        {
            return Invariant($"truncated at byte {size}: the header alone needs {HeaderSize} bytes");
        }

        if (!header[..MagicSize].SequenceEqual(magic))
        {
            return $"bad magic: expected {Describe(magic)}, found {Describe(header[..MagicSize])}";
        }

        var version = BinaryPrimitives.ReadUInt32LittleEndian(header[VersionOffset..]);
        if (version == 0 || version > maxVersion)
        {
            return Invariant($"unsupported version {version} (this build reads versions 1 to {maxVersion})");
        }

        // Compare the claimed length with what is really there before using it for anything.
        var claimed = ClaimedPayloadLength(header);
        var available = (ulong)(size - HeaderSize);
        if (claimed > available || available - claimed < (ulong)checksumSize)
        {
            return Invariant($"truncated at byte {size}: the header claims a payload of {claimed} bytes, which with the checksum needs {(decimal)claimed + HeaderSize + checksumSize} bytes");
        }

        if (available - claimed > (ulong)checksumSize)
        {
            return Invariant($"{available - claimed - (ulong)checksumSize} unexpected bytes after the checksum at byte {(ulong)HeaderSize + claimed + (ulong)checksumSize}");
        }

        if (size > Array.MaxLength)
        {
            return Invariant($"{size} bytes is more than this build can read (at most {Array.MaxLength})");
        }

        return null;
    }

    /// <summary>Writes the first <see cref="HeaderSize"/> bytes of a file: the magic, the version and the payload's length.</summary>
    internal static void WriteHeader(Span<byte> header, ReadOnlySpan<byte> magic, uint version, ulong payloadLength)
    {
        CheckArguments(magic, version);
        magic.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[VersionOffset..], version);
        BinaryPrimitives.WriteUInt64LittleEndian(header[LengthOffset..], payloadLength);
    }

    private static void Frame(Span<byte> file, ReadOnlySpan<byte> magic, uint version, int payloadLength, FrameChecksum checksum)
    {
        WriteHeader(file, magic, version, (ulong)payloadLength);
        var checkedLength = HeaderSize + payloadLength;
        if (checksum == FrameChecksum.XxHash128)
        {
            XxHash128.Hash(file[..checkedLength], file.Slice(checkedLength, XxHash128ChecksumSize));
            return;
        }

        ManagedSha256.HashData(file[..checkedLength], file.Slice(checkedLength, ChecksumSize));
    }

    private static void CheckArguments(ReadOnlySpan<byte> magic, uint version)
    {
        if (magic.Length != MagicSize)
        {
            throw new ArgumentException(Invariant($"a magic is {MagicSize} bytes, got {magic.Length}"), nameof(magic));
        }

        if (version == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(version), "format versions start at 1");
        }
    }

    private static string Describe(ReadOnlySpan<byte> magic)
    {
        var text = new StringBuilder(MagicSize * 4 + 2);
        text.Append('"');
        foreach (var b in magic)
        {
            if (b is >= 0x20 and < 0x7F and not (byte)'"' and not (byte)'\\')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"\\x{b:x2}");
            }
        }

        return text.Append('"').ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
