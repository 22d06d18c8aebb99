using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Stores;

namespace Toolkit.Optimizations.StructOfArrays;

/// <summary>
/// Executors (build statements) as parallel arrays: a builder byte, an environment int and a target
/// int each, 9 bytes per executor against an object with two lists (about 150 bytes) in the baseline.
/// A statement with one target keeps its id inline; one with several (rare) keeps ~index into a side
/// table of target arrays. No back-references from targets: the node's executor id is enough.
/// Adding is single-threaded; reading is thread-safe once adding has stopped.
/// </summary>
public sealed class ExecutorTable
{
    private byte[] _builders = [];
    private int[] _environments = [];
    private int[] _targets = []; // >= 0: the only target; < 0: ~index into _multiTargets
    private readonly List<int[]> _multiTargets = [];
    private int _count;

    /// <summary>Number of executors.</summary>
    public int Count => _count;

    /// <summary>Number of executors with other than one target (kept in the side table).</summary>
    public int MultiTargetCount => _multiTargets.Count;

    /// <summary>Adds an executor; returns its id.</summary>
    public int Add(BuilderKind builder, int environment, ReadOnlySpan<int> targets)
    {
        var id = _count;
        ArrayGrowth.EnsureCapacity(ref _builders, id + 1);
        ArrayGrowth.EnsureCapacity(ref _environments, id + 1);
        ArrayGrowth.EnsureCapacity(ref _targets, id + 1);
        _builders[id] = (byte)builder;
        _environments[id] = environment;
        if (targets.Length == 1)
        {
            _targets[id] = targets[0];
        }
        else
        {
            _targets[id] = ~_multiTargets.Count;
            _multiTargets.Add(targets.ToArray());
        }

        _count++;
        return id;
    }

    /// <summary>The builder of an executor.</summary>
    public BuilderKind GetBuilder(int executor) => (BuilderKind)_builders[Check(executor)];

    /// <summary>The environment of an executor.</summary>
    public int GetEnvironment(int executor) => _environments[Check(executor)];

    /// <summary>The targets of an executor.</summary>
    public ReadOnlySpan<int> GetTargets(int executor)
    {
        Check(executor);
        var inline = _targets[executor];
        return inline >= 0 ? new ReadOnlySpan<int>(in _targets[executor]) : _multiTargets[~inline];
    }

    /// <summary>Cuts the arrays to the executors added.</summary>
    public void Trim()
    {
        ArrayGrowth.Trim(ref _builders, _count);
        ArrayGrowth.Trim(ref _environments, _count);
        ArrayGrowth.Trim(ref _targets, _count);
        _multiTargets.TrimExcess();
    }

    private int Check(int executor)
    {
        if ((uint)executor >= (uint)_count)
        {
            throw new ArgumentOutOfRangeException(nameof(executor), executor, $"no executor {executor} (there are {_count})");
        }

        return executor;
    }
}
