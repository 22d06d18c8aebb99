using System.Globalization;
using System.Text;
using Toolkit.Engine.Persistence;
using Toolkit.Engine.Scanning;

namespace Toolkit.Engine.Dependencies;

/// <summary>
/// Encodes and decodes the payload of the dependency log (Dependencies/FORMAT.md): the distinct
/// directive names and the file paths as two front-coded tables, then per file its stamp and its
/// directives as name indexes with flags. Decoding checks every count, index and length before using
/// it; anything out of place is a <see cref="FormatException"/> naming the file and the offset.
/// </summary>
internal static class DependencyLogCodec
{
    /// <summary>Longest path or name accepted, in UTF-8 bytes: the signature database's limit, so every path one holds the other can.</summary>
    public const int MaxStringBytes = Database.SignatureDatabaseCodec.MaxPathBytes;

    /// <summary>Expected bytes per file, to size the writer: a short path suffix, a stamp, a few directives.</summary>
    private const int TypicalFileBytes = 24;

    /// <summary>The fewest bytes a file's record takes (size, ticks, directive count).</summary>
    private const int MinRecordBytes = 3;

    private const int AllFlags = DependencyLog.AngleFlag | DependencyLog.NextFlag | DependencyLog.ComputedFlag;

    /// <summary>Encodes the entries (any order; a path given twice keeps its last entry).</summary>
    public static PayloadWriter Encode(IEnumerable<ScanCacheEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var files = new Dictionary<string, ScanCacheEntry>(StringComparer.Ordinal);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            files[entry.Path] = entry;
            foreach (var directive in entry.Directives)
            {
                names.TryAdd(directive.Name, 0);
            }
        }

        var sortedNames = SortedUtf8(names.Keys);
        for (var i = 0; i < sortedNames.Count; i++)
        {
            names[sortedNames[i].Text] = i;
        }

        var sortedPaths = SortedUtf8(files.Keys);
        var writer = new PayloadWriter(checked(16 + (files.Count * TypicalFileBytes)));
        try
        {
            FrontCodedStrings.Write(writer, sortedNames.ConvertAll(n => n.Bytes));
            FrontCodedStrings.Write(writer, sortedPaths.ConvertAll(p => p.Bytes));
            foreach (var (path, _) in sortedPaths)
            {
                var entry = files[path];
                writer.WriteVarInt64(entry.Stamp.Size);
                writer.WriteVarInt64(entry.Stamp.ModifiedTicks);
                writer.WriteVarUInt64((ulong)entry.Directives.Length);
                foreach (var directive in entry.Directives)
                {
                    writer.WriteVarUInt64((ulong)Pack(names[directive.Name], directive));
                }
            }

            return writer;
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Decodes a payload. Two passes over the records: the first checks them and counts the directives, so
    /// every array is allocated once at its final size. Throws <see cref="FormatException"/> naming the file and offset.
    /// </summary>
    public static DependencyLog Decode(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload);
        var names = FrontCodedStrings.Read(ref reader, MaxStringBytes, "name");
        var paths = FrontCodedStrings.Read(ref reader, MaxStringBytes, "path");
        var count = paths.Count;
        if (count > reader.Remaining / MinRecordBytes)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"payload offset {reader.Position}: {count} files need at least {count * MinRecordBytes} bytes, {reader.Remaining} remain"));
        }

        var sizes = new long[count];
        var ticks = new long[count];
        var starts = new int[count + 1];
        var sizing = reader;
        for (var i = 0; i < count; i++)
        {
            starts[i + 1] = checked(starts[i] + ReadRecord(ref sizing, names.Count, paths, i, out sizes[i], out ticks[i], []));
        }

        if (!sizing.IsAtEnd)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"payload offset {sizing.Position}: {sizing.Remaining} bytes follow the last of {count} files"));
        }

        var directives = new int[starts[count]];
        for (var i = 0; i < count; i++)
        {
            ReadRecord(ref reader, names.Count, paths, i, out _, out _, directives.AsSpan(starts[i], starts[i + 1] - starts[i]));
        }

        return new DependencyLog(names, paths, sizes, ticks, starts, directives);
    }

    /// <summary>Reads one file's record; returns its directive count, and stores the directives when <paramref name="into"/> has room for them.</summary>
    private static int ReadRecord(ref PayloadReader reader, int nameCount, FrontCodedStrings paths, int file, out long size, out long ticks, Span<int> into)
    {
        var offset = reader.Position;
        size = reader.ReadVarInt64();
        ticks = reader.ReadVarInt64();
        if (size < 0)
        {
            throw Error(paths, file, offset, "its size is negative (a missing file is never logged)");
        }

        var count = reader.ReadVarInt32(reader.Remaining, "a directive count");
        if (count > 0 && nameCount == 0)
        {
            throw Error(paths, file, offset, "it has directives but the log has no names");
        }

        var maxPacked = nameCount == 0 ? 0 : ((nameCount - 1) << DependencyLog.FlagBits) | AllFlags;
        for (var d = 0; d < count; d++)
        {
            var packed = reader.ReadVarInt32(maxPacked, "a directive (name index and flags)");
            if (into.Length == count)
            {
                into[d] = packed;
            }
        }

        return count;
    }

    private static int Pack(int name, IncludeDirective directive) =>
        (name << DependencyLog.FlagBits)
        | (directive.IsAngle ? DependencyLog.AngleFlag : 0)
        | (directive.IsNext ? DependencyLog.NextFlag : 0)
        | (directive.IsComputed ? DependencyLog.ComputedFlag : 0);

    /// <summary>The strings with their UTF-8 bytes, in byte order (the order lookups binary-search in).</summary>
    private static List<(string Text, byte[] Bytes)> SortedUtf8(IEnumerable<string> strings)
    {
        var list = new List<(string Text, byte[] Bytes)>();
        foreach (var text in strings)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            if (bytes.Length > MaxStringBytes)
            {
                throw new InvalidOperationException($"'{text[..80]}...' is {bytes.Length} UTF-8 bytes, longer than the dependency log's limit of {MaxStringBytes}");
            }

            list.Add((text, bytes));
        }

        list.Sort((a, b) => a.Bytes.AsSpan().SequenceCompareTo(b.Bytes));
        return list;
    }

    private static FormatException Error(FrontCodedStrings paths, int file, int offset, string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"payload offset {offset}: file {file} ('{Encoding.UTF8.GetString(paths[file])}'): {message}"));
}
