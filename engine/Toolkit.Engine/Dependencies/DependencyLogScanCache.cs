using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Persistence;
using Toolkit.Engine.Scanning;

namespace Toolkit.Engine.Dependencies;

/// <summary>
/// The scan cache of one open with a dependency log: a variant's own <see cref="IScanCache"/> in front,
/// the loaded <see cref="DependencyLog"/> behind it (a file whose stamp is unchanged takes its
/// directives from the log, and is not read), and a <see cref="DependencyLogRecord"/> of every file this
/// scan reached, which becomes the next log. Saves, per unchanged file, an open, a read and a parse; costs,
/// while the scan runs, a bit per file taken from the log and a record of its path's bytes plus ~10 per file
/// parsed (see <see cref="DependencyLogRecord"/>). <see cref="Finish"/> encodes the next log only when it would
/// differ: on a null build nothing is encoded and nothing written. Read-only (an open whose build will not save,
/// <c>-n</c>), it records nothing: the log is consulted and no next log is made. Thread-safe, as the scanner needs.
/// </summary>
public sealed class DependencyLogScanCache : IScanCache
{
    private readonly IScanCache _inner;
    private DependencyLogRecord? _record;
    private DependencyLog _log;
    private int _reused;
    private int _parsed;

    /// <summary>Puts <paramref name="inner"/> in front of <paramref name="log"/>; without <paramref name="record"/> (read-only) no next log is made.</summary>
    public DependencyLogScanCache(IScanCache inner, DependencyLog log, bool record = true)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(log);
        _inner = inner;
        _log = log;
        _record = record ? new DependencyLogRecord(log) : null;
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

        if (!_log.TryGet(path, stamp, out directives, out var index))
        {
            return false;
        }

        Interlocked.Increment(ref _reused);
        _inner.Set(path, stamp, directives);
        _record?.Keep(index);
        return true;
    }

    /// <inheritdoc />
    public void Set(string path, FileStamp stamp, IncludeDirective[] directives)
    {
        _inner.Set(path, stamp, directives);
        _record?.Add(path, stamp, directives);
        Interlocked.Increment(ref _parsed);
    }

    /// <inheritdoc />
    public void SetSource(string path, FileStamp stamp, ReadOnlySpan<IncludeDirective> directives)
    {
        _inner.SetSource(path, stamp, directives);
        _record?.Add(path, stamp, directives);
        Interlocked.Increment(ref _parsed);
    }

    /// <inheritdoc />
    public IEnumerable<ScanCacheEntry> Export() => _inner.Export();

    /// <inheritdoc />
    public void Clear() => _inner.Clear();

    /// <inheritdoc />
    public void Reserve(int files) => _inner.Reserve(files);

    /// <summary>
    /// Ends the scan: the payload of the next log when it differs from the loaded one (a file was parsed,
    /// or a logged file was not reached and is dropped), else null; always null read-only. Lets go of the loaded log and the record.
    /// </summary>
    public PayloadWriter? Finish()
    {
        var record = _record;
        _record = null;
        _log = DependencyLog.Empty;
        if (record is null)
        {
            return null;
        }

        record.EndAdding();
        return record.SameAsPrevious ? null : DependencyLogCodec.Encode(record);
    }
}
