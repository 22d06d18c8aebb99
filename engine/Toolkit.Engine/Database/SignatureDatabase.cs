using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Stores;
using Toolkit.Engine.Persistence;

namespace Toolkit.Engine.Database;

/// <summary>
/// The signatures kept between builds (SCons's .sconsign): path -> <see cref="NodeInfo"/> (content
/// signature, the file stamp it was computed for, build signature). Saved atomically in a
/// <see cref="CheckedFile"/>, entries sorted by path (ordinal) and front-coded, so the same
/// contents always give the same bytes (format: Database/FORMAT.md). A damaged file loads as
/// an empty database with a warning: the engine prints it and rebuilds everything.
/// Cost in memory: one dictionary entry per path (the path string, 48 bytes of NodeInfo, ~24 bytes
/// of entry overhead) plus, while no path is added or removed, the sorted path array from the
/// last load or save (8 bytes per path) so that saving needs no sort. Not thread-safe: the
/// engine updates it from one thread or under its own lock.
/// </summary>
public sealed class SignatureDatabase
{
    /// <summary>The database's file name in the project directory.</summary>
    public const string DefaultFileName = ".toolkit.sigdb";

    /// <summary>The format version this build writes and the newest it reads.</summary>
    public const uint FormatVersion = 1;

    private Dictionary<string, NodeInfo> _entries;
    private string[]? _sortedPaths;

    /// <summary>Creates an empty database.</summary>
    public SignatureDatabase()
    {
        _entries = new Dictionary<string, NodeInfo>(StringComparer.Ordinal);
        _sortedPaths = [];
    }

    /// <summary>
    /// Creates an empty database sized for <paramref name="capacity"/> entries: a save of every node of a graph
    /// knows its size, and a dictionary grown by doubling to 200k entries leaves its smaller tables as garbage.
    /// </summary>
    public SignatureDatabase(int capacity)
    {
        _entries = new Dictionary<string, NodeInfo>(capacity, StringComparer.Ordinal);
        _sortedPaths = [];
    }

    private SignatureDatabase(Dictionary<string, NodeInfo> entries, string[] sortedPaths)
    {
        _entries = entries;
        _sortedPaths = sortedPaths;
    }

    /// <summary>The 8-byte magic that starts the file: "TKSIGDB" and a zero byte.</summary>
    public static ReadOnlySpan<byte> Magic => "TKSIGDB\0"u8;

    /// <summary>Number of entries.</summary>
    public int Count => _entries.Count;

    /// <summary>Every path, sorted ordinally (sorts once after paths were added or removed, then cached).</summary>
    public IReadOnlyList<string> SortedPaths => EnsureSorted();

    /// <summary>Every entry, sorted by path (ordinal).</summary>
    public IEnumerable<KeyValuePair<string, NodeInfo>> Entries
    {
        get
        {
            var paths = EnsureSorted();
            foreach (var path in paths)
            {
                yield return new KeyValuePair<string, NodeInfo>(path, _entries[path]);
            }
        }
    }

    /// <summary>Loads a database; a missing file gives Missing, a damaged one Damaged with a warning. Never throws for a bad file.</summary>
    public static DatabaseLoadResult Load(IFileSystem fileSystem, string path)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(path);
        var file = CheckedFile.TryRead(fileSystem, path, Magic, FormatVersion);
        switch (file.Status)
        {
            case CheckedFileStatus.Missing:
                return new DatabaseLoadResult(CheckedFileStatus.Missing, new SignatureDatabase(), warning: null);
            case CheckedFileStatus.Damaged:
                return Damaged(path, file.Reason!);
        }

        try
        {
            var sorted = SignatureDatabaseCodec.Decode(file.Payload.Span, out var entries);
            return new DatabaseLoadResult(CheckedFileStatus.Ok, new SignatureDatabase(entries, sorted), warning: null);
        }
        catch (FormatException exception)
        {
            return Damaged(path, exception.Message);
        }
    }

    /// <summary>
    /// Reads the database at <paramref name="path"/> straight into <paramref name="store"/>: each entry's path is
    /// looked up as a span (<see cref="NodeStore.FindNode(ReadOnlySpan{char})"/>) and its info set as the node's
    /// stored info, with no string, dictionary or database object made (what <see cref="Load"/> costs: about 200
    /// bytes per entry). The payload is checked whole before the first entry is applied, so a damaged database
    /// leaves the store as it was, as with <see cref="Load"/>. With <paramref name="clearOthers"/> the nodes the
    /// database does not name are given <see cref="NodeInfo.None"/> (a database applied again). Never throws for a bad file.
    /// </summary>
    public static (CheckedFileStatus Status, string? Warning) ApplyTo(IFileSystem fileSystem, string path, NodeStore store, bool clearOthers) =>
        ApplyTo(fileSystem, path, store, clearOthers, out _);

    /// <summary>
    /// As <see cref="ApplyTo(IFileSystem, string, NodeStore, bool)"/>, also giving the XxHash128 of the payload applied
    /// (null unless Ok): a save that would write the same payload can leave the file alone.
    /// </summary>
    public static (CheckedFileStatus Status, string? Warning) ApplyTo(IFileSystem fileSystem, string path, NodeStore store, bool clearOthers, out byte[]? payloadHash)
    {
        payloadHash = null;
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(store);
        var file = CheckedFile.TryRead(fileSystem, path, Magic, FormatVersion);
        switch (file.Status)
        {
            case CheckedFileStatus.Missing:
                return (CheckedFileStatus.Missing, null);
            case CheckedFileStatus.Damaged:
                return (CheckedFileStatus.Damaged, Damaged(path, file.Reason!).Warning);
        }

        try
        {
            Visit(file.Payload.Span, store: null, applied: null);
        }
        catch (FormatException exception)
        {
            return (CheckedFileStatus.Damaged, Damaged(path, exception.Message).Warning);
        }

        payloadHash = System.IO.Hashing.XxHash128.Hash(file.Payload.Span);
        var applied = clearOthers ? new bool[store.Count] : null;
        Visit(file.Payload.Span, store, applied);
        for (var node = 0; applied is not null && node < applied.Length; node++)
        {
            if (!applied[node])
            {
                store.SetStoredInfo(node, NodeInfo.None);
            }
        }

        return (CheckedFileStatus.Ok, null);
    }

    /// <summary>Writes the database atomically (the old file stays whole until the new one replaces it).</summary>
    public void Save(IFileSystem fileSystem, string path)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(path);
        using var payload = SignatureDatabaseCodec.Encode(EnsureSorted(), _entries);
        CheckedFile.Write(fileSystem, path, Magic, FormatVersion, payload);
    }

    /// <summary>The entry for a path.</summary>
    public bool TryGet(string path, out NodeInfo info) => _entries.TryGetValue(path, out info);

    /// <summary>The entry for a path, or <see cref="NodeInfo.None"/>.</summary>
    public NodeInfo Get(string path) => _entries.TryGetValue(path, out var info) ? info : NodeInfo.None;

    /// <summary>True when the path has an entry.</summary>
    public bool Contains(string path) => _entries.ContainsKey(path);

    /// <summary>Adds or replaces the entry for a path.</summary>
    public void Set(string path, NodeInfo info)
    {
        ArgumentNullException.ThrowIfNull(path);
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_entries, path, out var existed);
        slot = info;
        if (!existed)
        {
            _sortedPaths = null;
        }
    }

    /// <summary>Removes the entry for a path; false when there was none.</summary>
    public bool Remove(string path)
    {
        if (!_entries.Remove(path))
        {
            return false;
        }

        _sortedPaths = null;
        return true;
    }

    /// <summary>Removes every entry.</summary>
    public void Clear()
    {
        _entries = new Dictionary<string, NodeInfo>(StringComparer.Ordinal);
        _sortedPaths = [];
    }

    // Reads every entry (checking it); with a store, sets the stored info of each node named.
    private static void Visit(ReadOnlySpan<byte> payload, NodeStore? store, bool[]? applied)
    {
        var entries = new SignatureDatabaseEntries(payload);
        try
        {
            while (entries.MoveNext(out var entryPath, out var info))
            {
                var node = store?.FindNode(entryPath) ?? -1;
                if (node >= 0)
                {
                    store!.SetStoredInfo(node, info);
                    if (applied is not null)
                    {
                        applied[node] = true;
                    }
                }
            }
        }
        finally
        {
            entries.Dispose();
        }
    }

    private static DatabaseLoadResult Damaged(string path, string reason) =>
        new(CheckedFileStatus.Damaged, new SignatureDatabase(), $"signature database '{path}' is damaged ({reason}); ignoring it and rebuilding every target");

    private string[] EnsureSorted()
    {
        if (_sortedPaths is { } sorted)
        {
            return sorted;
        }

        sorted = new string[_entries.Count];
        _entries.Keys.CopyTo(sorted, 0);
        Array.Sort(sorted, StringComparer.Ordinal);
        _sortedPaths = sorted;
        return sorted;
    }
}
