using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Toolkit.Engine.Build;
using Toolkit.Engine.Dependencies;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Persistence;

namespace Toolkit.Engine.Image;

/// <summary>
/// The build image (<c>.toolkit.image</c>, FORMAT.md): what a build saw, as the next null build will find it, so that
/// one can say "nothing to do" from one file read through a small window and one stat per recorded path, without
/// reading the manifest into a graph, scanning or loading the database. Written by <see cref="Project.Build"/> after a
/// build of the defaults that finished whole (nothing failed or skipped, not interrupted); removed by every other build
/// that is not a dry run. Saves the whole
/// load of a null build; costs the file (24 bytes plus the path per probe) and, on every open of a variant
/// that uses it, hashing the manifest, the dependency log and the database. The hashes and the frame's checksum are
/// XxHash128 (version 2; version 1 had SHA-256): managed, so the fast path loads no OpenSSL (3.6 MiB of resident
/// libcrypto and libssl in a NativeAOT null build of 13.5 MiB), and faster than SHA-256 on this machine.
/// </summary>
public static class BuildImage
{
    /// <summary>The image's file name, in the project root.</summary>
    public const string FileName = EngineFiles.Prefix + "image";

    /// <summary>The format version this build writes and reads (any other is ignored without a warning).</summary>
    public const uint Version = 2;

    /// <summary>Bytes of one entry: path offset, path length with the kind in bit 31, size, ticks.</summary>
    internal const int EntrySize = 24;

    /// <summary>Bytes of the payload's fixed header: three hashes (<see cref="HashSize"/>), flags, considered, up to date, entry count.</summary>
    internal const int FixedSize = (3 * HashSize) + (4 * sizeof(uint));

    internal const int HashSize = 16;

    /// <summary>The checksum of the image's frame (<see cref="CheckedFile"/>).</summary>
    internal const FrameChecksum Checksum = FrameChecksum.XxHash128;

    /// <summary>Bytes of each hash the image holds (XxHash128).</summary>
    public const int HashBytes = HashSize;

    /// <summary>Bit 31 of an entry's length field: the entry is a directory probe.</summary>
    internal const uint DirectoryBit = 0x8000_0000;

    /// <summary>Flag bit 0: the dependency log was on (<see cref="EngineSettings.DependencyLog"/>).</summary>
    internal const uint DependencyLogFlag = 1;

    /// <summary>The file's magic.</summary>
    internal static ReadOnlySpan<byte> Magic => "TKIMAGE\0"u8;

    /// <summary>The XxHash128 of a file's bytes, or all zeros when it is missing (read in 64 KiB pieces: no file-sized buffer).</summary>
    public static void HashFile(IFileSystem fileSystem, string path, Span<byte> hash)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        hash.Clear();
        if (!fileSystem.Stat(path).Exists)
        {
            return;
        }

        using var stream = fileSystem.OpenRead(path);
        var hasher = new XxHash128();
        var buffer = ScratchBuffers.Rent(HashBufferSize);
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, HashBufferSize)) > 0)
            {
                hasher.Append(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            ScratchBuffers.Return(buffer);
        }

        hasher.GetCurrentHash(hash);
    }

    /// <summary>The hash of a manifest given as text (its UTF-8 bytes, as <see cref="HashFile"/> of a file holding it).</summary>
    public static byte[] HashText(string text) => XxHash128.Hash(Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Writes the image of a build, as the next null build will see it: <paramref name="recorder"/>'s probes, the hashes of the manifest and of the
    /// dependency log and database as they are now (call after both were saved), and the counts to report.
    /// </summary>
    internal static void Write(RecordingFileSystem recorder, ReadOnlySpan<byte> manifestHash, EngineSettings settings, BuildResult result)
    {
        var probes = recorder.Probes;
        var blob = 0L;
        foreach (var probe in probes)
        {
            blob += Encoding.UTF8.GetByteCount(probe.Path);
        }

        using var payload = new PayloadWriter(checked((int)(FixedSize + (probes.Count * (long)EntrySize) + blob)));
        Span<byte> hash = stackalloc byte[HashSize];
        payload.WriteBytes(manifestHash);
        HashFile(recorder.Inner, DependencyLog.FileName, hash);
        payload.WriteBytes(hash);
        HashFile(recorder.Inner, Project.DatabaseFileName, hash);
        payload.WriteBytes(hash);
        payload.WriteUInt32(settings.DependencyLog ? DependencyLogFlag : 0);
        payload.WriteUInt32((uint)result.Considered);
        payload.WriteUInt32((uint)result.UpToDate);
        payload.WriteUInt32((uint)probes.Count);
        var offset = 0u;
        foreach (var (path, kind, stamp) in probes)
        {
            var length = (uint)Encoding.UTF8.GetByteCount(path);
            payload.WriteUInt32(offset);
            payload.WriteUInt32(length | (kind == ProbeKind.Directory ? DirectoryBit : 0));
            payload.WriteInt64(stamp.Size);
            payload.WriteInt64(stamp.ModifiedTicks);
            offset += length;
        }

        foreach (var probe in probes)
        {
            payload.WriteBytes(Encoding.UTF8.GetBytes(probe.Path));
        }

        CheckedFile.Write(recorder.Inner, FileName, Magic, Version, payload, Checksum);
    }

    /// <summary>Reads a little-endian u32 of the payload.</summary>
    internal static uint U32(ReadOnlySpan<byte> payload, int at) => BinaryPrimitives.ReadUInt32LittleEndian(payload[at..]);

    /// <summary>Reads a little-endian i64 of the payload.</summary>
    internal static long I64(ReadOnlySpan<byte> payload, int at) => BinaryPrimitives.ReadInt64LittleEndian(payload[at..]);

    private const int HashBufferSize = 64 * 1024; // large enough that a read is one syscall per 64 KiB, small enough to stay off the LOH
}
