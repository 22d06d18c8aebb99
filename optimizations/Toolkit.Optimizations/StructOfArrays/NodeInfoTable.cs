using System.Collections.Concurrent;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Stores;

namespace Toolkit.Optimizations.StructOfArrays;

/// <summary>
/// Per-node signature info in ONE 48-byte <see cref="NodeInfo"/> slot plus a flag byte, as SCons's
/// ninfo: the database's record is put in the slot when the project opens, and the build's own
/// result replaces it. A flag says whether this build set the node (so <see cref="GetInfo"/> is
/// <see cref="NodeInfo.None"/> until it does, as with two slots) and whether it set it to None (which
/// leaves the stored record in place, so a target whose action failed still falls back to it).
/// Saves 48 bytes per node against two value slots (and the two info objects with hex strings of the
/// baseline). Cost: once a build has set a node, <see cref="GetStoredInfo"/> returns that build's
/// info, not the database's; the engine never asks for it after setting it within a build, so
/// every decision and the database written equal the baseline's for a freshly opened project.
/// Build info lives only between <see cref="SetBuildInfo"/> and <see cref="Release"/>.
/// Safe for concurrent calls on different nodes after <see cref="Complete"/>.
/// </summary>
public sealed class NodeInfoTable
{
    private const byte SetThisBuild = 1;
    private const byte SetToNone = 2;

    private NodeInfo[] _slots = [];
    private byte[] _flags = [];
    private readonly ConcurrentDictionary<int, BuildInfo> _buildInfo = new();
    private readonly Lock _allocation = new();
    private int _nodeCount = -1; // set by Complete; -1 while loading

    /// <summary>Nodes with a slot: 0 until an info is set (or, while loading, the slots grown so far).</summary>
    public int SlotCount => _slots.Length;

    /// <summary>Build infos held (set and not yet released).</summary>
    public int BuildInfoCount => _buildInfo.Count;

    /// <summary>
    /// Ends loading: slots made while loading are cut to the node count; when none were (no database applied yet, the
    /// usual case), none are made until an info is set (<see cref="EnsureNode"/>). Saves, on a tree with no database (a
    /// full build), the 48 bytes per node of the slots at the end of the load, when the scan's garbage is not collected
    /// yet and the process is at its largest (~10 MB at 212k nodes); the build makes them when it records its first
    /// node. Costs a lock taken once and a check of the length on every set.
    /// </summary>
    public void Complete(int nodeCount)
    {
        _nodeCount = nodeCount;
        if (_slots.Length == 0)
        {
            return;
        }

        var old = _slots.Length;
        ArrayGrowth.Trim(ref _slots, nodeCount);
        ArrayGrowth.Trim(ref _flags, nodeCount);
        for (var i = old; i < nodeCount; i++)
        {
            _slots[i] = NodeInfo.None;
        }
    }

    /// <summary>What this build knows about the node.</summary>
    public NodeInfo GetInfo(int node) =>
        (uint)node < (uint)_flags.Length && _flags[node] == SetThisBuild ? _slots[node] : NodeInfo.None;

    /// <summary>Records what this build knows about the node.</summary>
    public void SetInfo(int node, NodeInfo info)
    {
        EnsureNode(node);
        if (info.IsNone)
        {
            _flags[node] = SetThisBuild | SetToNone;
            return;
        }

        _slots[node] = info;
        _flags[node] = SetThisBuild;
    }

    /// <summary>What the database said (or, once this build set the node, what it set).</summary>
    public NodeInfo GetStoredInfo(int node) => (uint)node < (uint)_slots.Length ? _slots[node] : NodeInfo.None;

    /// <summary>Records what the database said.</summary>
    public void SetStoredInfo(int node, NodeInfo info)
    {
        EnsureNode(node);
        _slots[node] = info;
        _flags[node] = 0;
    }

    /// <summary>Build info of this run, or null when not set or released.</summary>
    public BuildInfo? GetBuildInfo(int node) => _buildInfo.TryGetValue(node, out var info) ? info : null;

    /// <summary>Records build info until <see cref="Release"/>.</summary>
    public void SetBuildInfo(int node, BuildInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        _buildInfo[node] = info;
    }

    /// <summary>Drops the node's build info.</summary>
    public void Release(int node) => _buildInfo.TryRemove(node, out _);

    private void EnsureNode(int node)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(node);
        if (node < _slots.Length)
        {
            return;
        }

        if (_nodeCount >= 0)
        {
            AllocateCompleted(node);
            return;
        }

        // Only before Complete (single-threaded loading).
        var old = _slots.Length;
        ArrayGrowth.EnsureCapacity(ref _slots, node + 1);
        ArrayGrowth.EnsureCapacity(ref _flags, _slots.Length);
        for (var i = old; i < _slots.Length; i++)
        {
            _slots[i] = NodeInfo.None;
        }
    }

    // The first set after Complete when loading made no slots: every node's at once, under a lock (the build sets nodes
    // from many threads). The flags are published before the slots: a reader sees a node as set only once its slot is.
    private void AllocateCompleted(int node)
    {
        if (node >= _nodeCount)
        {
            throw new ArgumentOutOfRangeException(nameof(node), node, $"no node {node} (there are {_nodeCount})");
        }

        lock (_allocation)
        {
            if (_slots.Length >= _nodeCount)
            {
                return;
            }

            var slots = new NodeInfo[_nodeCount];
            slots.AsSpan().Fill(NodeInfo.None);
            _flags = new byte[_nodeCount];
            Volatile.Write(ref _slots, slots);
        }
    }
}
