using System.Collections.Concurrent;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Persistence;
using Toolkit.Engine.Scanning;

namespace Toolkit.Engine.Dependencies;

/// <summary>
/// The scan cache of one open with a dependency log: a variant's own <see cref="IScanCache"/> in front,
/// the loaded <see cref="DependencyLog"/> behind it (a file whose stamp is unchanged takes its
/// directives from the log, and is not read), and a record of every file this scan reached, which
/// becomes the next log. Saves, per unchanged file, an open, a read and a parse; costs, while the scan
/// runs, one dictionary entry per file reached (the directive arrays are the ones the scanner holds
/// anyway). <see cref="Finish"/> encodes the next log only when it would differ: on a null build
/// nothing is encoded and nothing written. Read-only (an open whose build will not save, <c>-n</c>), it
/// records nothing: the log is consulted and no next log is made. Thread-safe, as the scanner needs.
/// </summary>
public sealed class DependencyLogScanCache : IScanCache
{
    private readonly IScanCache _inner;
    private ConcurrentDictionary<string, (FileStamp Stamp, IncludeDirective[] Directives)> _reached = new(StringComparer.Ordinal);
    private readonly bool _record;
    private DependencyLog _log;
    private int _reused;
    private int _parsed;

    /// <summary>Puts <paramref name="inner"/> in front of <paramref name="log"/>; without <paramref name="record"/> (read-only) no next log is made.</summary>
    public DependencyLogScanCache(IScanCache inner, DependencyLog log, bool record = true)
    {
        _record = record;
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(log);
        _inner = inner;
        _log = log;
    }

    /// <summary>Files whose directives came from the log (not read).</summary>
    public int Reused => _reused;

    /// <summary>Files read and parsed because the log did not hold them with their current stamp.</summary>
    public int Parsed => _parsed;

    /// <inheritdoc />
    public int Count => _inner.Count;

    /// <inheritdoc />
    public bool TryGet(string path, FileStamp stamp, out IncludeDirective[] directives)
    {
        if (_inner.TryGet(path, stamp, out directives))
        {
            return true;
        }

        if (!_log.TryGet(path, stamp, out directives))
        {
            return false;
        }

        Interlocked.Increment(ref _reused);
        _inner.Set(path, stamp, directives);
        Record(path, stamp, directives);
        return true;
    }

    /// <inheritdoc />
    public void Set(string path, FileStamp stamp, IncludeDirective[] directives)
    {
        _inner.Set(path, stamp, directives);
        Record(path, stamp, directives);
        Interlocked.Increment(ref _parsed);
    }

    /// <inheritdoc />
    public void SetSource(string path, FileStamp stamp, IncludeDirective[] directives)
    {
        _inner.SetSource(path, stamp, directives);
        Record(path, stamp, directives);
        Interlocked.Increment(ref _parsed);
    }

    /// <inheritdoc />
    public IEnumerable<ScanCacheEntry> Export() => _inner.Export();

    /// <inheritdoc />
    public void Clear() => _inner.Clear();

    /// <inheritdoc />
    public void Reserve(int files)
    {
        _inner.Reserve(files);
        if (_record && _reached.IsEmpty)
        {
            _reached = ScanCapacity.Dictionary<string, (FileStamp, IncludeDirective[])>(files, StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// Ends the scan: the payload of the next log when it differs from the loaded one (a file was parsed,
    /// or a logged file was not reached and is dropped), else null; always null read-only. Lets go of the loaded log and the record.
    /// </summary>
    public PayloadWriter? Finish()
    {
        var changed = _record && (_parsed > 0 || _reached.Count != _log.Count);
        var payload = changed ? DependencyLogCodec.Encode(Reached()) : null;
        _reached.Clear();
        _log = DependencyLog.Empty;
        return payload;
    }

    /// <summary>The recorded files as one array of their final size (the codec sorts them itself).</summary>
    private ScanCacheEntry[] Reached()
    {
        var entries = new ScanCacheEntry[_reached.Count];
        var count = 0;
        foreach (var (path, (stamp, directives)) in _reached)
        {
            entries[count++] = new ScanCacheEntry(path, stamp, directives);
        }

        return entries;
    }

    private void Record(string path, FileStamp stamp, IncludeDirective[] directives)
    {
        if (_record)
        {
            _reached[path] = (stamp, directives);
        }
    }
}
