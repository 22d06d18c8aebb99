using System.Buffers;
using System.Globalization;
using System.Text;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Persistence;

namespace Toolkit.Engine.Database;

/// <summary>
/// Encodes and decodes the payload of the signature database (see Database/FORMAT.md): entries
/// sorted by path, each path front-coded against the previous one. Decoding checks every count and
/// length before using it and refuses unsorted or duplicate paths, unknown flags and bad UTF-8.
/// </summary>
internal static class SignatureDatabaseCodec
{
    /// <summary>Longest path accepted, in UTF-8 bytes: Windows' long-path limit, far above any real project path.</summary>
    public const int MaxPathBytes = 32 * 1024;

    /// <summary>
    /// Expected bytes per entry, to size the writer: a short suffix, a stamp and two signatures (a generated c-libraries
    /// project: 41.7 at 100k sources). A bigger guess is held unused through the save (56 held 2.9 MB too many at 100k);
    /// a smaller one copies the payload once as the writer doubles.
    /// </summary>
    internal const int TypicalEntryBytes = 44;

    /// <summary>The fewest bytes an entry can take (prefix, suffix length, flags, size): bounds the claimed count.</summary>
    internal const int MinEntryBytes = 4;

    private const byte HasContent = 1;
    private const byte HasBuild = 2;
    private const byte HasTicks = 4;
    private const byte KnownFlags = HasContent | HasBuild | HasTicks;

    public static PayloadWriter Encode(IReadOnlyList<string> sortedPaths, Dictionary<string, NodeInfo> entries)
    {
        var writer = new PayloadWriter(checked(16 + (sortedPaths.Count * TypicalEntryBytes)));
        var previous = ArrayPool<byte>.Shared.Rent(256);
        var current = ArrayPool<byte>.Shared.Rent(256);
        try
        {
            var previousLength = 0;
            writer.WriteVarUInt64((ulong)sortedPaths.Count);
            for (var i = 0; i < sortedPaths.Count; i++)
            {
                var path = sortedPaths[i];
                var byteCount = Encoding.UTF8.GetByteCount(path);
                if (byteCount > MaxPathBytes)
                {
                    throw new InvalidOperationException($"path is {byteCount} UTF-8 bytes, longer than the database's limit of {MaxPathBytes}: {path[..80]}...");
                }

                if (current.Length < byteCount)
                {
                    ArrayPool<byte>.Shared.Return(current);
                    current = ArrayPool<byte>.Shared.Rent(byteCount);
                }

                var bytes = current.AsSpan(0, Encoding.UTF8.GetBytes(path, current));
                var shared = bytes.CommonPrefixLength(previous.AsSpan(0, previousLength));
                writer.WriteVarUInt64((ulong)shared);
                writer.WriteVarUInt64((ulong)(bytes.Length - shared));
                writer.WriteBytes(bytes[shared..]);
                WriteInfo(writer, entries[path]);
                (previous, current) = (current, previous);
                previousLength = bytes.Length;
            }

            return writer;
        }
        catch
        {
            writer.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(previous);
            ArrayPool<byte>.Shared.Return(current);
        }
    }

    /// <summary>Decodes a payload into <paramref name="entries"/>; returns the paths in file (sorted) order. Throws <see cref="FormatException"/> naming the entry and offset.</summary>
    public static string[] Decode(ReadOnlySpan<byte> payload, out Dictionary<string, NodeInfo> entries)
    {
        var reader = new SignatureDatabaseEntries(payload);
        try
        {
            var paths = new string[reader.Count];
            entries = new Dictionary<string, NodeInfo>(reader.Count, StringComparer.Ordinal);
            var i = 0;
            while (reader.MoveNext(out var path, out var info))
            {
                var text = path.ToString();
                paths[i++] = text;
                entries.Add(text, info);
            }

            return paths;
        }
        finally
        {
            reader.Dispose();
        }
    }

    internal static void WriteInfo(PayloadWriter writer, NodeInfo info)
    {
        var flags = (byte)((info.ContentSignature.IsNone ? 0 : HasContent)
            | (info.BuildSignature.IsNone ? 0 : HasBuild)
            | (info.Stamp.ModifiedTicks == 0 ? 0 : HasTicks));
        writer.WriteByte(flags);
        writer.WriteVarInt64(info.Stamp.Size);
        if ((flags & HasTicks) != 0)
        {
            writer.WriteInt64(info.Stamp.ModifiedTicks);
        }

        if ((flags & HasContent) != 0)
        {
            writer.WriteContentSignature(info.ContentSignature);
        }

        if ((flags & HasBuild) != 0)
        {
            writer.WriteContentSignature(info.BuildSignature);
        }
    }

    internal static NodeInfo ReadInfo(ref PayloadReader reader, int entry)
    {
        var start = reader.Position;
        var flags = reader.ReadByte();
        if ((flags & ~KnownFlags) != 0)
        {
            throw Error(entry, start, string.Create(CultureInfo.InvariantCulture, $"unknown flags 0x{flags:x2}"));
        }

        var size = reader.ReadVarInt64();
        var ticks = (flags & HasTicks) != 0 ? reader.ReadInt64() : 0;
        var content = (flags & HasContent) != 0 ? reader.ReadContentSignature() : default;
        var build = (flags & HasBuild) != 0 ? reader.ReadContentSignature() : default;
        return new NodeInfo(content, new FileStamp(size, ticks), build);
    }

    internal static FormatException Error(int entry, int offset, string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"entry {entry} at payload offset {offset}: {message}"));
}
