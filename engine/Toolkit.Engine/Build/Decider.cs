using Toolkit.Engine.Environments;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Stores;
using Toolkit.Engine.Signatures;

namespace Toolkit.Engine.Build;

/// <summary>
/// Decides, from signatures, whether a node is up to date (SCons's decider; as Ninja keeps its
/// DependencyScan apart from Plan and Builder, the <see cref="Scheduler"/> only schedules and runs).
/// A source is stat'ed and its stored content signature reused when the stat is unchanged, else it is
/// hashed. A target's build signature is the MD5 of its action signature and the content signatures
/// of what its decision rests on (<see cref="BuildPlan.AppendDecisionDependencies"/>: sources, explicit
/// and implicit dependencies, not ignored or order-only ones); the targets are up to date when the
/// database holds that signature and every output exists with its recorded stat (or, when the stat
/// changed, its recorded content). With -n, a target whose dependency would run would run too.
/// Each call is for one node (or statement) and touches only that node's and its targets' infos, so
/// the scheduler's workers call it concurrently for different nodes.
/// </summary>
internal sealed class Decider
{
    private readonly BuildGraph _graph;
    private readonly NodeStore _store;
    private readonly BuildPlan _plan;
    private readonly IContentHasher _hasher;
    private readonly IFileSystem _fs;
    private readonly bool _dryRun;
    private readonly bool[] _wouldRun;

    /// <summary>Creates the decider of one build.</summary>
    public Decider(BuildGraph graph, BuildPlan plan, IContentHasher hasher, IFileSystem fs, bool dryRun)
    {
        _graph = graph;
        _store = graph.Store;
        _plan = plan;
        _hasher = hasher;
        _fs = fs;
        _dryRun = dryRun;
        _wouldRun = dryRun ? new bool[_store.Count] : [];
    }

    /// <summary>
    /// Stats a source and records its current info (reusing the stored signature when the stat is the
    /// recorded one); returns null, or the error when the source is missing.
    /// </summary>
    public string? EvaluateSource(int node)
    {
        var path = _store.GetPath(node);
        var stamp = _fs.Stat(path);
        if (!stamp.Exists)
        {
            var parent = _plan.FirstParent(node);
            var needed = parent >= 0 ? $", needed by '{_store.GetPath(parent)}'" : string.Empty;
            return $"source '{path}' is missing{needed}";
        }

        var stored = _store.GetStoredInfo(node);
        var signature = stamp == stored.Stamp && !stored.ContentSignature.IsNone ? stored.ContentSignature : _hasher.HashFile(_fs, path);
        _store.SetInfo(node, new NodeInfo(signature, stamp, ContentSignature.None));
        return null;
    }

    /// <summary>
    /// Decides the targets of a statement whose first target is <paramref name="node"/>. When they are up
    /// to date their current infos are recorded; otherwise nothing is changed.
    /// </summary>
    public TargetDecision Decide(int node, int executor, int[] targets, WorkerBuffers worker)
    {
        var targetPaths = Paths(targets);
        var sourcePaths = Paths(worker.Edges(_store, node, EdgeKind.Sources));
        string commandLine;
        try
        {
            commandLine = ActionPlanner.CommandLine(_graph, executor, targetPaths, sourcePaths);
        }
        catch (SubstitutionException exception)
        {
            return TargetDecision.Failed(targetPaths, sourcePaths, $"'{targetPaths[0]}': {exception.Message}");
        }

        var dependencies = worker.DecisionDependencies(_store, node);
        if (_dryRun && (AnyWouldRun(dependencies) || AnyMissing(targetPaths)))
        {
            // With -n a statement that runs whatever the signatures say is only printed, and nothing is recorded:
            // no signature is computed (on a clean tree's dry run, an array, two MD5s and their strings per statement).
            return TargetDecision.WouldRun(targetPaths, sourcePaths, commandLine);
        }

        var signatures = new ContentSignature[dependencies.Count];
        for (var i = 0; i < dependencies.Count; i++)
        {
            signatures[i] = _store.GetInfo(dependencies[i]).ContentSignature;
        }

        var actionSignature = SignatureCalculator.ActionSignature(_hasher, commandLine);
        var buildSignature = SignatureCalculator.BuildSignature(_hasher, actionSignature, signatures);
        var upToDate = AllCurrent(targets, targetPaths, buildSignature);
        return new TargetDecision(targetPaths, sourcePaths, commandLine, signatures, actionSignature, buildSignature, upToDate, null);
    }

    private bool AnyWouldRun(List<int> dependencies)
    {
        foreach (var dependency in dependencies)
        {
            if (_wouldRun[dependency])
            {
                return true;
            }
        }

        return false;
    }

    private bool AnyMissing(string[] paths)
    {
        foreach (var path in paths)
        {
            if (!_fs.Stat(path).Exists)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>With -n: records that the targets would run, so that what depends on them would run too.</summary>
    public void NoteWouldRun(int[] targets)
    {
        foreach (var target in targets)
        {
            _wouldRun[target] = true;
        }
    }

    /// <summary>With -n: a later target of a statement would run when its first target would.</summary>
    public void FollowFirstTarget(int first, int node)
    {
        if (_dryRun && _wouldRun[first])
        {
            _wouldRun[node] = true;
        }
    }

    /// <summary>After the action ran: stats and hashes the outputs and records their infos and build info.</summary>
    public void RecordBuilt(int[] targets, TargetDecision decision)
    {
        for (var i = 0; i < targets.Length; i++)
        {
            var path = decision.TargetPaths[i];
            var stamp = _fs.Stat(path);
            var signature = stamp.Exists ? _hasher.HashFile(_fs, path) : ContentSignature.None;
            _store.SetInfo(targets[i], new NodeInfo(signature, stamp, decision.BuildSignature));
            _store.SetBuildInfo(targets[i], new BuildInfo(decision.CommandLine, decision.ActionSignature, decision.BuildSignature, decision.DependencySignatures));
        }
    }

    /// <summary>After the action failed: nothing is known of the targets (the database drops their records).</summary>
    public void RecordFailed(int[] targets)
    {
        foreach (var target in targets)
        {
            _store.SetInfo(target, NodeInfo.None);
        }
    }

    private string[] Paths(int[] nodes)
    {
        var paths = new string[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            paths[i] = _store.GetPath(nodes[i]);
        }

        return paths;
    }

    private bool AllCurrent(int[] targets, string[] paths, ContentSignature buildSignature)
    {
        Span<NodeInfo> current = targets.Length <= 16 ? stackalloc NodeInfo[targets.Length] : new NodeInfo[targets.Length];
        for (var i = 0; i < targets.Length; i++)
        {
            var stored = _store.GetStoredInfo(targets[i]);
            if (stored.BuildSignature != buildSignature)
            {
                return false;
            }

            var stamp = _fs.Stat(paths[i]);
            if (!stamp.Exists)
            {
                return false;
            }

            if (stamp != stored.Stamp && _hasher.HashFile(_fs, paths[i]) != stored.ContentSignature)
            {
                return false; // the output was changed by hand: rebuild it
            }

            current[i] = new NodeInfo(stored.ContentSignature, stamp, buildSignature);
        }

        for (var i = 0; i < targets.Length; i++)
        {
            _store.SetInfo(targets[i], current[i]);
        }

        return true;
    }
}
