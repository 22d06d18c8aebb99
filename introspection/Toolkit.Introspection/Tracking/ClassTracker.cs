using System.Diagnostics;
using Toolkit.Introspection.Sizing;

namespace Toolkit.Introspection.Tracking;

/// <summary>
/// The heap monitor: tracks all instances of chosen types (handed to <see cref="Observe"/> by their
/// creator, or found by <see cref="ScanRoot"/>) and single objects (<see cref="TrackObject"/>), through
/// weak handles so nothing is kept alive; records birth and death; takes labelled snapshots on demand or
/// from a background timer; and hands everything over as <see cref="TrackerStats"/> to save and analyse
/// elsewhere. Costs about 72 bytes per tracked object (its table row and weak-handle slot); a full
/// snapshot walks every live instance and keeps 12 bytes per instance, an incremental one (the periodic
/// ones) reads one handle and one <see cref="InstanceFingerprint"/> per instance, walks only what
/// changed and keeps 12 bytes per change. Each snapshot records both costs. Thread-safe.
/// </summary>
public sealed class ClassTracker : IDisposable
{
    /// <summary>Per snapshot, how many detail-mode instances keep their own field breakdown (largest first); the per-type totals cover all of them.</summary>
    public const int DefaultDetailLimit = 100;

    private readonly object _gate = new();
    private readonly TrackedTable _table = new();
    private readonly List<TrackedType> _types = [];
    private readonly Dictionary<Type, TrackedType> _byType = [];
    private readonly Dictionary<Type, bool> _classes = [];
    private readonly Dictionary<int, string> _names = [];
    private readonly HashSet<Type> _objectTypes = [];
    private readonly List<SnapshotRecord> _snapshots = [];
    private readonly ExpectedDeaths _expectedDead = new();
    private readonly SnapshotTaker _taker;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly DateTime _startedUtc = DateTime.UtcNow;
    private PeriodicSnapshotter? _periodic;
    private int _periodicCount;
    private bool _disposed;
    private bool _needFull = true;
    private long _keptBytes;

    public ClassTracker() => _taker = new SnapshotTaker(_table, _types);

    /// <summary>
    /// When true, a snapshot also tracks the instances of tracked classes it meets while walking from
    /// tracked instances (objects hung off a changed instance are found without a <see cref="ScanRoot"/>).
    /// Off by default: then only <see cref="Observe"/>, <see cref="ScanRoot"/> and <see cref="TrackObject"/> track.
    /// </summary>
    public bool TrackReachable { get; set; }

    /// <summary>Per snapshot, how many detail-mode instances keep their own field breakdown.</summary>
    public int DetailLimit { get; set; } = DefaultDetailLimit;

    /// <summary>Objects tracked so far, dead ones included.</summary>
    public int TrackedCount
    {
        get
        {
            lock (_gate)
            {
                return _table.Count;
            }
        }
    }

    /// <summary>Tracked objects not yet found dead (by a snapshot or <see cref="Poll"/>).</summary>
    public int LiveCount
    {
        get
        {
            lock (_gate)
            {
                return _table.LiveCount;
            }
        }
    }

    public bool IsPeriodicRunning
    {
        get
        {
            lock (_gate)
            {
                return _periodic is not null;
            }
        }
    }

    /// <summary>Snapshots taken so far (a copy).</summary>
    public IReadOnlyList<SnapshotRecord> Snapshots
    {
        get
        {
            lock (_gate)
            {
                return [.. _snapshots];
            }
        }
    }

    /// <summary>Tracks every instance of <paramref name="type"/> and types derived from it that is observed or scanned; detail mode records per-field sizes.</summary>
    public void TrackClass(Type type, bool detail = false)
    {
        ArgumentNullException.ThrowIfNull(type);
        lock (_gate)
        {
            ThrowIfDisposed();
            _classes[type] = detail || (_classes.TryGetValue(type, out bool d) && d);

            // A new tracked class can change which known types are tracked.
            foreach (var known in _types)
            {
                (known.Tracked, known.Detail) = Classify(known.Type);
            }

            _needFull = true; // the running totals do not know the new class's detail fields yet
        }
    }

    public void TrackClass<T>(bool detail = false) => TrackClass(typeof(T), detail);

    /// <summary>Tracks one object (of any type) under an optional name; returns its id. Tracking it again returns the same id.</summary>
    public int TrackObject(object o, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(o);
        lock (_gate)
        {
            ThrowIfDisposed();
            int id = _table.Find(o);
            if (id < 0)
            {
                id = _table.Add(o, TypeOf(o.GetType()).Index, Now());
                _objectTypes.Add(o.GetType());
            }

            if (name is not null)
            {
                _names[id] = name;
            }

            return id;
        }
    }

    /// <summary>Hook for constructors and factories: tracks <paramref name="o"/> when its type is a tracked class. Returns true when tracked.</summary>
    public bool Observe(object o)
    {
        ArgumentNullException.ThrowIfNull(o);
        lock (_gate)
        {
            ThrowIfDisposed();
            var type = TypeOf(o.GetType());
            if (!type.Tracked)
            {
                return false;
            }

            if (_table.Find(o) < 0)
            {
                _table.Add(o, type.Index, Now());
            }

            return true;
        }
    }

    /// <summary>Walks everything reachable from <paramref name="root"/> and tracks each instance of a tracked class not tracked yet; returns how many were added.</summary>
    public int ScanRoot(object root)
    {
        ArgumentNullException.ThrowIfNull(root);
        lock (_gate)
        {
            ThrowIfDisposed();
            int added = 0;
            double now = Now();
            var walker = new ObjectWalker(visit: (o, _) =>
            {
                var type = TypeOf(o.GetType());
                if (type.Tracked && _table.Find(o) < 0)
                {
                    _table.Add(o, type.Index, now);
                    added++;
                }
            });
            walker.Walk(root);
            return added;
        }
    }

    /// <summary>
    /// Records that <paramref name="o"/> should be dead by the next <see cref="CheckExpectedDead"/> (Pympler's garbage tracker: what a
    /// phase made and let go of). Held through a weak handle, so expecting keeps nothing alive. <paramref name="label"/> names it in
    /// the report (default: its number and type).
    /// </summary>
    public void ExpectDead(object o, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(o);
        lock (_gate)
        {
            ThrowIfDisposed();
            _expectedDead.Add(o, label);
        }
    }

    /// <summary>Objects handed to <see cref="ExpectDead"/> so far.</summary>
    public int ExpectedDeadCount
    {
        get
        {
            lock (_gate)
            {
                return _expectedDead.Count;
            }
        }
    }

    /// <summary>
    /// Runs a full collection and reports the objects expected dead that survived it, each with its retention paths from the GC roots
    /// (found in a heap snapshot of this process: see <see cref="ExpectDeadOptions.Paths"/> for the cost). Call it from code that holds
    /// no reference to them (a caller's local keeps an object alive and shows as a stack root).
    /// </summary>
    public ExpectDeadReport CheckExpectedDead(ExpectDeadOptions? options = null)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            return _expectedDead.Check(options ?? new ExpectDeadOptions());
        }
    }

    /// <summary>Finds tracked objects that have been collected and records their death, without sizing anything.</summary>
    public int Poll()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            int before = _table.LiveCount;
            double now = Now();
            for (int slot = 0; slot < _table.Count; slot++)
            {
                _table.Target(slot, now);
            }

            return before - _table.LiveCount;
        }
    }

    /// <summary>
    /// Takes a labelled snapshot: deaths, per-type counts and bytes, instance sizes, heap, RSS and the
    /// tracker's own cost. Full by default (every live instance walked); <paramref name="incremental"/>
    /// walks only the new and changed ones (the first snapshot, and the first after a new tracked class,
    /// are full anyway). <paramref name="collectFirst"/> runs a full blocking collection before, so the
    /// deaths are current and the managed heap figure is live objects only.
    /// </summary>
    public SnapshotRecord Snapshot(string label, bool incremental = false, bool collectFirst = false)
    {
        ArgumentNullException.ThrowIfNull(label);
        lock (_gate)
        {
            ThrowIfDisposed();
            if (collectFirst)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            }

            // Read before the snapshot allocates its scratch, so the figure is the program's, not the walk's.
            long heap = GC.GetTotalMemory(forceFullCollection: false);
            long rss = Environment.WorkingSet;
            bool full = !incremental || _needFull;
            var snapshot = _taker.Take(label, Now(), full, DetailLimit, MayBeTracked, IsTracked);
            _needFull = false;
            snapshot.ManagedHeapBytes = heap;
            snapshot.HeapAfterCollection = collectFirst;
            snapshot.RssBytes = rss;
            snapshot.RecordBytes = ObjectSizer.DeepSize(snapshot);
            _keptBytes += snapshot.RecordBytes;
            _snapshots.Add(snapshot);
            snapshot.TableBytes = _table.OverheadBytes();
            snapshot.OverheadBytes = OverheadBytesLocked();
            return snapshot;
        }
    }

    /// <summary>Starts taking a snapshot every <paramref name="interval"/>, labelled "<paramref name="label"/> #n", until <see cref="StopPeriodic"/>.</summary>
    public void StartPeriodic(TimeSpan interval, string label = "periodic")
    {
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The snapshot interval must be positive.");
        }

        lock (_gate)
        {
            ThrowIfDisposed();
            if (_periodic is not null)
            {
                throw new InvalidOperationException("Periodic snapshots are already running; stop them first.");
            }

            _periodic = new PeriodicSnapshotter(interval, () =>
            {
                lock (_gate)
                {
                    if (!_disposed && _periodic is not null)
                    {
                        Snapshot($"{label} #{++_periodicCount}", incremental: true);
                    }
                }
            });
        }
    }

    /// <summary>Stops periodic snapshots; when it returns, no further periodic snapshot will be taken.</summary>
    public void StopPeriodic()
    {
        PeriodicSnapshotter? periodic;
        lock (_gate)
        {
            periodic = _periodic;
            _periodic = null;
        }

        periodic?.Dispose();
    }

    /// <summary>Bytes the tracker itself holds: its tables, handle slots, names and saved snapshots.</summary>
    public long OverheadBytes()
    {
        lock (_gate)
        {
            return OverheadBytesLocked();
        }
    }

    /// <summary>Everything recorded so far, as plain data to save or analyse.</summary>
    public TrackerStats GetStats()
    {
        lock (_gate)
        {
            var stats = new TrackerStats
            {
                StartedUtc = _startedUtc,
                TrackedClasses = [.. _classes.Keys.Select(TypeNames.Friendly).Order(StringComparer.Ordinal)],
                DetailClasses = [.. _classes.Where(kv => kv.Value).Select(kv => TypeNames.Friendly(kv.Key)).Order(StringComparer.Ordinal)],
                Snapshots = [.. _snapshots],
            };
            for (int slot = 0; slot < _table.Count; slot++)
            {
                double died = _table.DiedMs(slot);
                stats.Instances.Add(new InstanceRecord
                {
                    Id = slot,
                    TypeName = _types[_table.TypeOf(slot)].Name,
                    Name = _names.GetValueOrDefault(slot),
                    BornMs = _table.BornMs(slot),
                    LastSeenMs = _table.LastSeenMs(slot),
                    DiedMs = double.IsNaN(died) ? null : died,
                });
            }

            return stats;
        }
    }

    public void Dispose()
    {
        StopPeriodic();
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                _table.Dispose();
                _expectedDead.Dispose();
            }
        }
    }

    /// <summary>The table, the kept snapshots (summed as they were taken, not walked again), names, types and running totals.</summary>
    private long OverheadBytesLocked() =>
        _table.OverheadBytes()
        + _keptBytes + ObjectSizer.ShallowSize(_snapshots)
        + ObjectSizer.DeepSize(_names)
        + ObjectSizer.Measure(_types, new DeepSizeOptions { ExcludedTypes = [typeof(Type)] }).TotalBytes
        + _taker.OverheadBytes();

    /// <summary>Whether objects of <paramref name="type"/> may be tracked instances (asked once per type per snapshot).</summary>
    private bool MayBeTracked(Type type) =>
        _objectTypes.Contains(type) || (_byType.TryGetValue(type, out var known) ? known.Tracked : Classify(type).Tracked);

    /// <summary>A walk's boundary test: a tracked instance, or (with <see cref="TrackReachable"/>) one of a tracked class, tracked now.</summary>
    private bool IsTracked(object o)
    {
        if (_table.Find(o) >= 0)
        {
            return true;
        }

        if (!TrackReachable || !TypeOf(o.GetType()).Tracked)
        {
            return false;
        }

        _table.Add(o, TypeOf(o.GetType()).Index, Now());
        return true;
    }

    private double Now() => _clock.Elapsed.TotalMilliseconds;

    private TrackedType TypeOf(Type type)
    {
        if (_byType.TryGetValue(type, out var known))
        {
            return known;
        }

        var (tracked, detail) = Classify(type);
        var entry = new TrackedType(_types.Count, type, tracked, detail);
        _types.Add(entry);
        _byType.Add(type, entry);
        return entry;
    }

    private (bool Tracked, bool Detail) Classify(Type type)
    {
        bool tracked = false;
        bool detail = false;
        foreach (var (cls, d) in _classes)
        {
            if (cls.IsAssignableFrom(type))
            {
                tracked = true;
                detail |= d;
            }
        }

        return (tracked, detail);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
