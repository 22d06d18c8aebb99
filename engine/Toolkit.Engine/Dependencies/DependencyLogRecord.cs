using System.Text;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Graph.Stores;
using Toolkit.Engine.Persistence;
using Toolkit.Engine.Scanning;

namespace Toolkit.Engine.Dependencies;

/// <summary>
/// What one scan reached, as the next dependency log needs it: each file parsed as one record of bytes in a
/// <see cref="ByteArena"/> (its path's UTF-8, its stamp and its directives as varints, a directive's name as an index
/// into this record's own names), and each file taken unchanged from the previous log as one bit. The next log is the
/// previous one's kept files merged with the parsed ones (<see cref="DependencyLogCodec.Encode(DependencyLogRecord)"/>).
/// Saves, against a dictionary of the reached files: per file parsed, the path string, the directive array (a source's
/// is dropped once walked) and the dictionary entry (~300 bytes per source at 100k sources, kept until the log was
/// encoded), now about its path's bytes plus ~10; per file from the log, one bit. Costs a lock per parsed file (the
/// scan stores from several threads; a record is copied in under it) and, on encoding, a sort of the parsed paths.
/// Thread-safe for adding and keeping; read only after the scan.
/// </summary>
internal sealed class DependencyLogRecord
{
    private readonly object _gate = new();
    private readonly ByteArena _records = new();
    private readonly Dictionary<string, int> _nameIds = new(StringComparer.Ordinal);
    private readonly List<byte[]> _names = [];
    private readonly ulong[] _kept;
    private readonly PayloadWriter _scratch = new(ScratchBytes);
    private int _keptCount;

    /// <summary>A record's first scratch size: a path and a few dozen directives (it grows for a bigger one).</summary>
    private const int ScratchBytes = 1024;

    /// <summary>An empty record for a scan whose previous log is <paramref name="previous"/> (<see cref="DependencyLog.Empty"/> when there is none).</summary>
    public DependencyLogRecord(DependencyLog previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        Previous = previous;
        _kept = new ulong[(previous.Count + 63) / 64];
    }

    /// <summary>The log the scan consulted.</summary>
    public DependencyLog Previous { get; }

    /// <summary>Records of files parsed (a file parsed twice has two; the later one counts).</summary>
    public int Count => _records.Count;

    /// <summary>Distinct files of <see cref="Previous"/> reached unchanged.</summary>
    public int KeptCount => Volatile.Read(ref _keptCount);

    /// <summary>Distinct directive names of the parsed files.</summary>
    internal int NameCount => _names.Count;

    /// <summary>True when the next log would be the previous one: nothing parsed, and every logged file reached.</summary>
    public bool SameAsPrevious => Count == 0 && KeptCount == Previous.Count;

    /// <summary>Records that <paramref name="path"/> was parsed at <paramref name="stamp"/> and holds <paramref name="directives"/>.</summary>
    public void Add(string path, FileStamp stamp, ReadOnlySpan<IncludeDirective> directives)
    {
        ArgumentNullException.ThrowIfNull(path);
        var length = Encoding.UTF8.GetByteCount(path);
        if (length > DependencyLogCodec.MaxStringBytes)
        {
            throw new InvalidOperationException($"'{path[..80]}...' is {length} UTF-8 bytes, longer than the dependency log's limit of {DependencyLogCodec.MaxStringBytes}");
        }

        lock (_gate)
        {
            _scratch.Clear();
            _scratch.WriteString(path);
            _scratch.WriteVarInt64(stamp.Size);
            _scratch.WriteVarInt64(stamp.ModifiedTicks);
            _scratch.WriteVarUInt64((ulong)directives.Length);
            foreach (var directive in directives)
            {
                _scratch.WriteVarUInt64((ulong)DependencyLog.Pack(NameId(directive.Name), directive));
            }

            _records.Add(_scratch.WrittenSpan);
        }
    }

    /// <summary>Records that file <paramref name="index"/> of <see cref="Previous"/> was reached with its logged stamp.</summary>
    public void Keep(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Previous.Count);
        var bit = 1UL << (index & 63);
        if ((Interlocked.Or(ref _kept[index >> 6], bit) & bit) == 0)
        {
            Interlocked.Increment(ref _keptCount);
        }
    }

    /// <summary>True when file <paramref name="index"/> of <see cref="Previous"/> was reached unchanged.</summary>
    internal bool IsKept(int index) => (_kept[index >> 6] & (1UL << (index & 63))) != 0;

    /// <summary>The UTF-8 bytes of directive name <paramref name="id"/> (an index as the records pack it).</summary>
    internal byte[] NameBytes(int id) => _names[id];

    /// <summary>The UTF-8 path of record <paramref name="record"/>.</summary>
    internal ReadOnlySpan<byte> PathOf(int record) => Split(record, out _);

    /// <summary>The stamp of record <paramref name="record"/>, its packed directives (name ids as <see cref="NameBytes"/> numbers them) put in <paramref name="directives"/>.</summary>
    internal FileStamp Entry(int record, List<int> directives)
    {
        directives.Clear();
        Split(record, out var rest);
        var reader = new PayloadReader(rest);
        var stamp = new FileStamp(reader.ReadVarInt64(), reader.ReadVarInt64());
        var count = (int)reader.ReadVarUInt64();
        for (var d = 0; d < count; d++)
        {
            directives.Add((int)reader.ReadVarUInt64());
        }

        return stamp;
    }

    // A record as Add wrote it: the path (a varint length and its bytes), then the rest (stamp, count, directives).
    private ReadOnlySpan<byte> Split(int record, out ReadOnlySpan<byte> rest)
    {
        var bytes = _records.Get(record);
        var reader = new PayloadReader(bytes);
        var path = reader.ReadBytes((int)reader.ReadVarUInt64());
        rest = bytes[reader.Position..];
        return path;
    }

    /// <summary>The parsed records in byte order of their paths, the last of equal paths only; returns how many of <paramref name="order"/> are used.</summary>
    internal int SortedDistinct(out int[] order)
    {
        order = new int[Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => PathOf(a).SequenceCompareTo(PathOf(b)) is var byPath and not 0 ? byPath : a.CompareTo(b));
        var kept = 0;
        for (var i = 0; i < order.Length; i++)
        {
            if (i + 1 == order.Length || !PathOf(order[i]).SequenceEqual(PathOf(order[i + 1])))
            {
                order[kept++] = order[i];
            }
        }

        return kept;
    }

    /// <summary>Releases the scratch buffer; the records stay readable.</summary>
    internal void EndAdding() => _scratch.Dispose();

    private int NameId(string name)
    {
        if (!_nameIds.TryGetValue(name, out var id))
        {
            var bytes = Encoding.UTF8.GetBytes(name);
            if (bytes.Length > DependencyLogCodec.MaxStringBytes)
            {
                throw new InvalidOperationException($"the include name '{name[..80]}...' is {bytes.Length} UTF-8 bytes, longer than the dependency log's limit of {DependencyLogCodec.MaxStringBytes}");
            }

            id = _names.Count;
            _nameIds.Add(name, id);
            _names.Add(bytes);
        }

        return id;
    }
}
