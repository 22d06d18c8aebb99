using System.Collections.Concurrent;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Scanning;

namespace Toolkit.Optimizations.WeakReferences;

/// <summary>
/// An <see cref="IScanCache"/> whose parsed directive arrays are held behind <see cref="WeakReference{T}"/>:
/// while a scan uses an array it stays, and once nothing else holds it the GC may reclaim it; a reclaimed
/// entry is a miss and the file is parsed again, so answers never change, only the work. Dead entries are
/// dropped when met and in a sweep every <see cref="SweepInterval"/> stores.
/// Saves the directive arrays of every scanned file once the GC wants the memory; costs a weak handle
/// and a small object per entry (about 24 bytes plus the handle) and re-parsing after a collection.
/// </summary>
public sealed class WeakScanCache : IScanCache
{
    private readonly bool _keepSources;

    /// <summary>A cache that keeps every file's directives, the sources' too.</summary>
    public WeakScanCache()
        : this(keepSources: true)
    {
    }

    /// <summary>
    /// A cache that keeps the sources' own directives only when <paramref name="keepSources"/>: false for a scanner
    /// dropped after loading (<see cref="Toolkit.Engine.Build.EngineSettings.ReleaseScannerAfterLoad"/>), where a source,
    /// walked once, is never asked for again (issue 11: an entry and a weak handle per source, ~55 bytes per node at 10k
    /// sources, for nothing).
    /// </summary>
    public WeakScanCache(bool keepSources)
    {
        _keepSources = keepSources;
    }

    /// <summary>
    /// Stores between sweeps for dead entries: a sweep walks the whole dictionary, so it runs rarely
    /// enough to stay amortised O(1) per store while keeping dead keys from piling up on a big tree.
    /// </summary>
    public const int SweepInterval = 4096;

    private ConcurrentDictionary<string, (FileStamp Stamp, WeakReference<IncludeDirective[]> Directives)> _entries = new(StringComparer.Ordinal);
    private int _storesSinceSweep;

    /// <summary>How many files have an entry whose directives are still alive.</summary>
    public int Count => _entries.Count(pair => pair.Value.Directives.TryGetTarget(out _));

    /// <inheritdoc />
    public bool TryGet(string path, FileStamp stamp, out IncludeDirective[] directives)
    {
        if (_entries.TryGetValue(path, out var entry) && entry.Stamp == stamp)
        {
            if (entry.Directives.TryGetTarget(out var alive))
            {
                directives = alive;
                return true;
            }

            _entries.TryRemove(new KeyValuePair<string, (FileStamp, WeakReference<IncludeDirective[]>)>(path, entry));
        }

        directives = [];
        return false;
    }

    /// <inheritdoc />
    public void Set(string path, FileStamp stamp, IncludeDirective[] directives)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(directives);
        _entries[path] = (stamp, new WeakReference<IncludeDirective[]>(directives));
        if (Interlocked.Increment(ref _storesSinceSweep) >= SweepInterval)
        {
            Interlocked.Exchange(ref _storesSinceSweep, 0);
            Sweep();
        }
    }

    /// <inheritdoc />
    public void SetSource(string path, FileStamp stamp, ReadOnlySpan<IncludeDirective> directives)
    {
        if (_keepSources)
        {
            Set(path, stamp, directives.ToArray());
        }
    }

    /// <inheritdoc />
    public IEnumerable<ScanCacheEntry> Export()
    {
        foreach (var pair in _entries)
        {
            if (pair.Value.Directives.TryGetTarget(out var directives))
            {
                yield return new ScanCacheEntry(pair.Key, pair.Value.Stamp, directives);
            }
        }
    }

    /// <inheritdoc />
    public void Clear() => _entries.Clear();

    /// <summary>Drops every entry whose directives the GC reclaimed; returns how many.</summary>
    public int Sweep()
    {
        var dropped = 0;
        foreach (var pair in _entries)
        {
            if (!pair.Value.Directives.TryGetTarget(out _) && _entries.TryRemove(pair))
            {
                dropped++;
            }
        }

        return dropped;
    }

    /// <inheritdoc />
    public void Reserve(int files)
    {
        if (_entries.IsEmpty)
        {
            _entries = ScanCapacity.Dictionary<string, (FileStamp, WeakReference<IncludeDirective[]>)>(files, StringComparer.Ordinal);
        }
    }
}
