using System.Buffers.Binary;
using System.Text;
using Toolkit.SyntheticProjects.Importing;

namespace Toolkit.SyntheticProjects.Ninja;

/// <summary>
/// Reads ninja's <c>.ninja_deps</c> (src/deps_log.cc, version 4): the signature <c># ninjadeps\n</c>,
/// a little-endian int32 version, then records, each a uint32 size whose high bit marks a deps
/// record. A path record is the path padded with NULs to a multiple of 4 and a uint32 checksum,
/// the one's complement of its id (ids count up from 0). A deps record is the output's id, its
/// mtime as two uint32 halves (low first) and the ids of its inputs. A later record for an output
/// replaces an earlier one. As ninja does, reading stops at a damaged or truncated record and keeps
/// what came before (<see cref="Problem"/> says what was wrong); a file of another version is not
/// read at all (ninja starts it over).
/// </summary>
internal sealed class DepsLog
{
    private const string Signature = "# ninjadeps\n";
    private const int Version = 4;

    /// <summary>ninja's kMaxRecordSize: a larger record is damage.</summary>
    private const int MaximumRecordBytes = (1 << 19) - 1;

    private readonly Dictionary<string, string[]> _deps = new(StringComparer.Ordinal);

    private DepsLog()
    {
    }

    /// <summary>What was wrong with the file, or null when it was read whole.</summary>
    public string? Problem { get; private set; }

    public int Records { get; private set; }

    public int Outputs => _deps.Count;

    /// <summary>The dependencies recorded for an output (its path as ninja keeps it), or null.</summary>
    public string[]? For(string output) => _deps.GetValueOrDefault(output);

    /// <summary>Reads the log at <paramref name="path"/>; null when there is none.</summary>
    public static DepsLog? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var why = InputFile.WhyNot(path);
        if (why is null && new FileInfo(path).Length > InputFile.MaximumBytes)
        {
            why = $"is larger than the {InputFile.MaximumBytes:N0} bytes an import reads";
        }

        if (why is not null)
        {
            throw new NinjaException(path, 0, why);
        }

        var log = new DepsLog();
        log.Parse(File.ReadAllBytes(path));
        return log;
    }

    private void Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Signature.Length + 4 || !bytes[..Signature.Length].SequenceEqual(Encoding.ASCII.GetBytes(Signature)))
        {
            Problem = "not a ninja deps log (bad signature); its dependencies are not imported";
            return;
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(bytes[Signature.Length..]);
        if (version != Version)
        {
            Problem = $"deps log version {version}, this importer reads version {Version} (ninja 1.10 and later); its dependencies are not imported";
            return;
        }

        var paths = new List<string>();
        var offset = Signature.Length + 4;
        while (offset < bytes.Length)
        {
            if (bytes.Length - offset < 4)
            {
                Problem = $"truncated at byte {offset}: kept the {Records} records before it";
                return;
            }

            var header = BinaryPrimitives.ReadUInt32LittleEndian(bytes[offset..]);
            var isDeps = (header >> 31) != 0;
            var size = (int)(header & 0x7FFFFFFF);
            if (size > MaximumRecordBytes || size > bytes.Length - offset - 4 || (isDeps ? size % 4 != 0 || size < 12 : size <= 4))
            {
                Problem = $"damaged or truncated record at byte {offset}: kept the {Records} records before it";
                return;
            }

            var record = bytes.Slice(offset + 4, size);
            if (!(isDeps ? ReadDeps(record, paths) : ReadPath(record, paths)))
            {
                Problem = $"inconsistent record at byte {offset} (an id that does not exist, or a checksum that does not match): kept the {Records} records before it";
                return;
            }

            Records++;
            offset += 4 + size;
        }
    }

    private bool ReadPath(ReadOnlySpan<byte> record, List<string> paths)
    {
        var length = record.Length - 4;
        for (var pad = 0; pad < 3 && length > 0 && record[length - 1] == 0; pad++)
        {
            length--;
        }

        var checksum = BinaryPrimitives.ReadUInt32LittleEndian(record[^4..]);
        if ((int)~checksum != paths.Count)
        {
            return false;
        }

        paths.Add(Encoding.UTF8.GetString(record[..length]));
        return true;
    }

    private bool ReadDeps(ReadOnlySpan<byte> record, List<string> paths)
    {
        var output = BinaryPrimitives.ReadInt32LittleEndian(record);
        var count = (record.Length / 4) - 3;
        if ((uint)output >= (uint)paths.Count)
        {
            return false;
        }

        var deps = new string[count];
        for (var i = 0; i < count; i++)
        {
            var id = BinaryPrimitives.ReadInt32LittleEndian(record[(12 + (4 * i))..]);
            if ((uint)id >= (uint)paths.Count)
            {
                return false;
            }

            deps[i] = paths[id];
        }

        _deps[paths[output]] = deps;
        return true;
    }
}
