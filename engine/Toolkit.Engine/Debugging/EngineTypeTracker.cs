using System.Collections;
using System.Reflection;
using Toolkit.Engine.Graph.Stores;
using Toolkit.Introspection.Sizing;
using Toolkit.Introspection.Tracking;

namespace Toolkit.Engine.Debugging;

/// <summary>
/// Wires the heap monitor's <see cref="ClassTracker"/> into a build, whatever the memory variant: finds
/// the engine's classes by walking from the graph or project (every reference type of a <c>Toolkit.*</c>
/// namespace reached: nodes, executors, infos, tables), tracks them, and tracks by name the store and
/// the arrays and collections its fields hold, so a struct-of-arrays store with no node objects shows
/// its arrays. Nothing is kept alive (weak handles). Phase snapshots are full (after a full collection);
/// periodic ones are incremental: they walk only the instances that changed since the last, and find
/// new instances hung off those (<see cref="ClassTracker.TrackReachable"/>) instead of walking from the
/// root. Costs what the tracker costs: about 75 bytes per tracked object, a walk of the graph per
/// <see cref="Observe"/> and per phase snapshot, a fingerprint per instance per periodic snapshot.
/// </summary>
public sealed class EngineTypeTracker : IDisposable
{
    /// <summary>Namespaces whose classes are the engine's own (variants included).</summary>
    private const string EnginePrefix = "Toolkit.";

    /// <summary>Toolkit namespaces that are not the engine: the tools looking at it.</summary>
    private static readonly string[] NotEngine = ["Toolkit.Introspection", "Toolkit.Harness"];

    private readonly ClassTracker _tracker = new() { TrackReachable = true };
    private readonly HashSet<Type> _tracked = [];
    private readonly bool _discover;
    private readonly object _gate = new();
    private Timer? _timer;
    private object? _root;
    private int _periodicCount;

    /// <summary>
    /// Creates a tracker. <paramref name="discover"/> tracks every engine class found; <paramref name="types"/>
    /// are tracked in detail mode (bytes per field) from the start.
    /// </summary>
    public EngineTypeTracker(bool discover, IReadOnlyCollection<Type>? types = null)
    {
        _discover = discover;
        foreach (var type in types ?? [])
        {
            _tracker.TrackClass(type, detail: true);
            _tracked.Add(type);
        }
    }

    /// <summary>The underlying tracker.</summary>
    public ClassTracker Tracker => _tracker;

    /// <summary>
    /// Finds engine types by name (simple name, full name, or friendly generic name) in the loaded
    /// <c>Toolkit.*</c> assemblies; an unknown name is an <see cref="ArgumentException"/> naming it.
    /// </summary>
    public static IReadOnlyList<Type> ResolveTypes(IEnumerable<string> names)
    {
        var candidates = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith(EnginePrefix, StringComparison.Ordinal) == true)
            .SelectMany(LoadableTypes)
            .Where(t => IsEngineType(t) && !t.ContainsGenericParameters) // open generics have no instances (and no friendly name)
            .ToList();
        var found = new List<Type>();
        foreach (var raw in names)
        {
            var name = raw.Trim();
            if (name.Length == 0)
            {
                continue;
            }

            var match = candidates.Where(t => t.FullName == name || t.Name == name || TypeNames.Friendly(t) == name).ToList();
            if (match.Count == 0)
            {
                throw new ArgumentException($"--track: no engine type named '{name}' (try BaselineNode, BaselineExecutor, BaselineNodeInfo or a variant's node type)");
            }

            found.AddRange(match);
        }

        return found;
    }

    /// <summary>
    /// Walks from <paramref name="root"/> (the graph while loading, the project after): tracks the engine
    /// classes found (when discovering), the store and its parts by name, then every instance reached.
    /// </summary>
    public void Observe(object root, NodeStore store)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(store);
        lock (_gate)
        {
            _root = root;
            if (_discover)
            {
                foreach (var entry in ObjectSizer.Measure(root, new DeepSizeOptions { ExcludedTypes = [typeof(Type)] }).ByType)
                {
                    if (IsEngineType(entry.Type) && _tracked.Add(entry.Type))
                    {
                        _tracker.TrackClass(entry.Type);
                    }
                }
            }

            TrackParts(store);

            // Tracked now, before a snapshot reads the heap, so the tracker's table is in the heap it reads.
            _tracker.ScanRoot(root);
        }
    }

    /// <summary>A full snapshot after a full blocking collection, so counts are of what is alive and the heap figure is live objects only (call <see cref="Observe"/> first to track what is new).</summary>
    public SnapshotRecord Snapshot(string label)
    {
        lock (_gate)
        {
            return _tracker.Snapshot(label, collectFirst: true);
        }
    }

    /// <summary>Starts a snapshot every <paramref name="interval"/> ("periodic #n"), each first finding instances born since the last.</summary>
    public void StartPeriodic(TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "the snapshot interval must be positive");
        }

        lock (_gate)
        {
            _timer ??= new Timer(_ => Tick(interval), null, interval, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Stops periodic snapshots; none is taken after it returns.</summary>
    public void StopPeriodic()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    /// <summary>Everything recorded.</summary>
    public TrackerStats GetStats() => _tracker.GetStats();

    /// <inheritdoc />
    public void Dispose()
    {
        StopPeriodic();
        _tracker.Dispose();
    }

    internal static bool IsEngineType(Type type) =>
        type is { IsValueType: false, IsArray: false, Namespace: { } ns }
        && ns.StartsWith(EnginePrefix, StringComparison.Ordinal)
        && !Array.Exists(NotEngine, p => ns.StartsWith(p, StringComparison.Ordinal))
        && !type.Name.Contains('<', StringComparison.Ordinal)
        && !typeof(Delegate).IsAssignableFrom(type);

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }

    private void Tick(TimeSpan interval)
    {
        lock (_gate)
        {
            if (_timer is null)
            {
                return;
            }

            _tracker.Snapshot($"periodic #{++_periodicCount}", incremental: true);
            _timer.Change(interval, Timeout.InfiniteTimeSpan);
        }
    }

    private void TrackParts(NodeStore store)
    {
        var owner = store.GetType().Name;
        Name(store, owner);
        foreach (var (field, value) in Fields(store))
        {
            if (IsEngineType(value.GetType()))
            {
                // A helper the store delegates to (bookkeeping tables): its containers are the store's too.
                foreach (var (inner, part) in Fields(value))
                {
                    if (IsContainer(part))
                    {
                        Name(part, $"{owner}.{field}.{inner}");
                    }
                }
            }
            else if (IsContainer(value))
            {
                Name(value, $"{owner}.{field}");
            }
        }
    }

    // Tracking an object again keeps its id, so parts seen at every phase are not counted twice.
    private void Name(object o, string name) => _tracker.TrackObject(o, name);

    private static bool IsContainer(object o) => o is Array or ICollection || o.GetType().Name.Contains('`', StringComparison.Ordinal);

    private static IEnumerable<(string Field, object Value)> Fields(object o)
    {
        // Declared fields of each class up the hierarchy: a store's private fields may sit in its base
        // (ObjectNodeStore), which GetFields on the derived type does not return.
        const BindingFlags Declared = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        for (var type = o.GetType(); type is not null; type = type.BaseType)
        {
            foreach (var field in type.GetFields(Declared))
            {
                if (!field.FieldType.IsValueType && field.GetValue(o) is { } value && value is not string)
                {
                    yield return (field.Name, value);
                }
            }
        }
    }
}
