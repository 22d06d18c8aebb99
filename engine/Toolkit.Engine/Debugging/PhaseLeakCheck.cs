using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Toolkit.Introspection.Sizing;
using Toolkit.Introspection.Tracking;

namespace Toolkit.Engine.Debugging;

/// <summary>
/// <c>toolkit build --expect-dead-after PHASE</c>: what the engine held at the end of a phase and let go of by the end of the run must
/// be dead. At the end of each chosen phase (read: the manifest read into the graph; scan: includes scanned and the store completed;
/// build: the build run, its executor about to be dropped) every engine object reachable from the phase's root (the graph, or the
/// executor) is noted through a weak handle; at the check, those no longer reachable from the project are handed to
/// <see cref="ClassTracker.ExpectDead"/>, and <see cref="ClassTracker.CheckExpectedDead"/> reports any that survive a full collection,
/// with their retention paths. Costs a walk of the graph per phase (8 bytes of handle per engine object noted), one more walk at the
/// check, and the check's heap snapshot when something survives.
/// </summary>
public sealed class PhaseLeakCheck : IDisposable
{
    /// <summary>The phases, in build order.</summary>
    public static readonly IReadOnlyList<string> Phases = ["read", "scan", "build"];

    private readonly HashSet<string> _phases;
    private readonly List<(GCHandle Handle, string Phase)> _noted = [];
    private readonly ClassTracker _tracker = new();

    /// <summary>Checks the phase names (an unknown one is an <see cref="ArgumentException"/> naming it and the valid ones).</summary>
    public PhaseLeakCheck(IEnumerable<string> phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        _phases = [.. phases];
        foreach (var phase in _phases.Where(p => !Phases.Contains(p)))
        {
            throw new ArgumentException($"--expect-dead-after: no phase named '{phase}' (valid: {string.Join(", ", Phases)})");
        }
    }

    /// <summary>The phases asked for, in build order.</summary>
    public IReadOnlyList<string> Chosen => [.. Phases.Where(_phases.Contains)];

    /// <summary>Notes the engine objects reachable from <paramref name="root"/> at the end of <paramref name="phase"/> (nothing when that phase was not asked for).</summary>
    public void PhaseEnded(string phase, object root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!_phases.Contains(phase))
        {
            return;
        }
        foreach (var o in EngineObjects(root))
        {
            _noted.Add((GCHandle.Alloc(o, GCHandleType.Weak), phase));
        }
    }

    /// <summary>How many objects the phases noted (those still reachable from the project at the check are not expected dead).</summary>
    public int NotedCount => _noted.Count;

    /// <summary>Hands what <paramref name="project"/> no longer reaches to the tracker, then checks (see <see cref="ClassTracker.CheckExpectedDead"/>).</summary>
    public ExpectDeadReport Check(object project, ExpectDeadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(project);
        ExpectDropped(project);
        return _tracker.CheckExpectedDead(options);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Free();
        _tracker.Dispose();
    }

    // Not inlined: the set of live objects and every noted target are gone from the stack before the check collects.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ExpectDropped(object project)
    {
        var live = new HashSet<object>(EngineObjects(project), ReferenceEqualityComparer.Instance);
        var counts = new Dictionary<string, int>();
        foreach (var (handle, phase) in _noted)
        {
            if (handle.Target is { } target && !live.Contains(target))
            {
                string type = target.GetType().Name;
                string key = phase + ":" + type;
                counts[key] = counts.GetValueOrDefault(key) + 1;
                _tracker.ExpectDead(target, $"after {phase}: {type} #{counts[key]}");
            }
        }
        Free();
    }

    private void Free()
    {
        foreach (var (handle, _) in _noted)
        {
            handle.Free();
        }
        _noted.Clear();
    }

    private static List<object> EngineObjects(object root)
    {
        var found = new List<object>();
        ObjectSizer.Measure(root, new DeepSizeOptions
        {
            ExcludedTypes = [typeof(Type)],
            Visit = (o, _) =>
            {
                if (EngineTypeTracker.IsEngineType(o.GetType()))
                {
                    found.Add(o);
                }
            },
        });
        return found;
    }
}
