using System.Collections.Concurrent;
using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// The default <see cref="IScanCache"/>: a concurrent dictionary that holds every entry strongly until
/// <see cref="Clear"/>. Saves re-reading and re-parsing unchanged files; costs, per file, a dictionary
/// entry (path reference, 16-byte stamp, array reference) plus the directive array it keeps alive.
/// </summary>
public sealed class StrongScanCache : IScanCache
{
    private ConcurrentDictionary<string, (FileStamp Stamp, IncludeDirective[] Directives)> _entries = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public int Count => _entries.Count;

    /// <inheritdoc />
    public bool TryGet(string path, FileStamp stamp, out IncludeDirective[] directives)
    {
        if (_entries.TryGetValue(path, out var entry) && entry.Stamp == stamp)
        {
            directives = entry.Directives;
            return true;
        }

        directives = [];
        return false;
    }

    /// <inheritdoc />
    public void Set(string path, FileStamp stamp, IncludeDirective[] directives)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(directives);
        _entries[path] = (stamp, directives);
    }

    /// <inheritdoc />
    public IEnumerable<ScanCacheEntry> Export()
    {
        foreach (var pair in _entries)
        {
            yield return new ScanCacheEntry(pair.Key, pair.Value.Stamp, pair.Value.Directives);
        }
    }

    /// <inheritdoc />
    public void Clear() => _entries.Clear();

    /// <inheritdoc />
    public void Reserve(int files)
    {
        if (_entries.IsEmpty)
        {
            _entries = ScanCapacity.Dictionary<string, (FileStamp, IncludeDirective[])>(files, StringComparer.Ordinal);
        }
    }
}
