using System.Collections.Concurrent;
using System.Diagnostics;
using Toolkit.Engine.Actions;
using Toolkit.Engine.Environments;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Signatures;

namespace Toolkit.Engine.Build;

/// <summary>
/// SCons's Taskmaster in miniature: walks a <see cref="BuildPlan"/> with N workers, evaluates each node
/// once all its children are done (sources: stat, and hash only when the stat changed; targets: the
/// decider), runs out-of-date actions, stops at the first failure or goes on with -k, and leaves every
/// node's <see cref="NodeInfo"/> ready for the signature database.
/// A node's decision uses the content signatures of its sources, explicit and implicit dependencies
/// (not ignored, not order-only) and its action's command line, through the build signature.
/// </summary>
public sealed class Scheduler
{
    private readonly BuildGraph _graph;
    private readonly INodeStore _store;
    private readonly BuildPlan _plan;
    private readonly BuildOptions _options;
    private readonly IContentHasher _hasher;
    private readonly IActionExecutor _executor;
    private readonly IFileSystem _fs;
    private readonly IBuildReporter _reporter;
    private readonly int[] _waiting;
    private readonly bool[] _changedInDryRun;
    private readonly ConcurrentQueue<int> _ready = new();
    private readonly SemaphoreSlim _signal = new(0);
    private int _remaining;
    private int _done;
    private int _executed;
    private int _upToDate;
    private int _failed;
    private int _skipped;
    private volatile bool _stopping;

    private Scheduler(BuildGraph graph, BuildPlan plan, BuildOptions options, IContentHasher hasher, IActionExecutor executor, IFileSystem fs, IBuildReporter reporter)
    {
        _graph = graph;
        _store = graph.Store;
        _plan = plan;
        _options = options;
        _hasher = hasher;
        _executor = executor;
        _fs = fs;
        _reporter = reporter;
        _waiting = (int[])plan.WaitCounts.Clone();
        _changedInDryRun = options.DryRun ? new bool[_store.Count] : [];
    }

    /// <summary>Builds the plan's nodes. Throws nothing for failed actions: they are counted and reported.</summary>
    public static BuildResult Run(BuildGraph graph, BuildPlan plan, BuildOptions options, IContentHasher hasher, IActionExecutor executor, IFileSystem fs, IBuildReporter reporter) =>
        new Scheduler(graph, plan, options, hasher, executor, fs, reporter).Run();

    private BuildResult Run()
    {
        var clock = Stopwatch.StartNew();
        _remaining = _plan.Order.Length;
        if (_remaining == 0)
        {
            return new BuildResult(0, 0, 0, 0, 0, false, clock.Elapsed);
        }

        foreach (var node in _plan.Order)
        {
            if (_waiting[node] == 0)
            {
                Enqueue(node);
            }
        }

        var jobs = Math.Clamp(_options.Jobs, 1, BuildOptions.MaxJobs);
        using var registration = _options.Cancellation.Register(() => _stopping = true);
        var workers = new Thread[jobs];
        var failures = new ConcurrentQueue<Exception>();
        for (var i = 0; i < jobs; i++)
        {
            workers[i] = new Thread(() =>
            {
                try
                {
                    Work();
                }
                catch (Exception exception)
                {
                    failures.Enqueue(exception);
                    _stopping = true;
                    _signal.Release(jobs);
                }
            })
            {
                IsBackground = true,
                Name = $"toolkit-worker-{i}",
            };
            workers[i].Start();
        }

        foreach (var worker in workers)
        {
            worker.Join();
        }

        if (!failures.IsEmpty)
        {
            throw new AggregateException("the build engine failed", failures);
        }

        return new BuildResult(_plan.Order.Length, _executed, _upToDate, _failed, _skipped, _options.Cancellation.IsCancellationRequested, clock.Elapsed);
    }

    private void Enqueue(int node)
    {
        _ready.Enqueue(node);
        _signal.Release();
    }

    private void Work()
    {
        var worker = new WorkerBuffers();
        while (true)
        {
            _signal.Wait();
            if (!_ready.TryDequeue(out var node))
            {
                return; // released at the end (or after an engine failure) with nothing queued
            }

            ProcessOrFail(node, worker);
            foreach (var parent in _plan.Parents(node))
            {
                if (Interlocked.Decrement(ref _waiting[parent]) == 0)
                {
                    Enqueue(parent);
                }
            }

            var done = Interlocked.Increment(ref _done);
            if ((done & 1023) == 0)
            {
                _reporter.Progress(done, _plan.Order.Length);
            }

            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                _reporter.Progress(done, _plan.Order.Length);
                _signal.Release(Math.Max(1, _options.Jobs));
            }
        }
    }

    /// <summary>
    /// Processes a node; an I/O error on its files (a full disk, a file where a directory must go, an
    /// unwritable output, a path the system refuses) fails that node with one line naming it, as a
    /// failed action does, instead of ending the engine.
    /// </summary>
    private void ProcessOrFail(int node, WorkerBuffers worker)
    {
        try
        {
            Process(node, worker);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            var executor = _store.GetExecutor(node);
            if (executor >= 0)
            {
                foreach (var target in worker.Targets(_store, executor))
                {
                    _store.SetInfo(target, NodeInfo.None);
                }
            }

            Fail(node, $"'{_store.GetPath(node)}': {exception.Message}");
        }
    }

    private void Process(int node, WorkerBuffers worker)
    {
        if (_stopping)
        {
            Finish(node, NodeState.Skipped);
            return;
        }

        var executor = _store.GetExecutor(node);
        if (executor < 0)
        {
            switch (_store.GetKind(node))
            {
                case NodeKind.Directory:
                    Finish(node, NodeState.UpToDate);
                    return;
                case NodeKind.Alias:
                    Finish(node, ChildrenFailed(node, worker) ? NodeState.Skipped : NodeState.UpToDate);
                    return;
                default:
                    EvaluateSource(node);
                    return;
            }
        }

        if (ChildrenFailed(node, worker))
        {
            Finish(node, NodeState.Skipped);
            return;
        }

        var targets = worker.Targets(_store, executor);
        if (targets[0] != node)
        {
            // A later target of a multi-target statement: the first one ran the action for all.
            var first = targets[0];
            var state = _store.GetState(first);
            if (_options.DryRun && _changedInDryRun[first])
            {
                _changedInDryRun[node] = true;
            }

            Finish(node, state);
            return;
        }

        EvaluateTargets(node, executor, targets, worker);
    }

    private void EvaluateSource(int node)
    {
        var path = _store.GetPath(node);
        var stamp = _fs.Stat(path);
        if (!stamp.Exists)
        {
            var parent = _plan.FirstParent[node];
            var needed = parent >= 0 ? $", needed by '{_store.GetPath(parent)}'" : string.Empty;
            Fail(node, $"source '{path}' is missing{needed}");
            return;
        }

        var stored = _store.GetStoredInfo(node);
        var signature = stamp == stored.Stamp && !stored.ContentSignature.IsNone ? stored.ContentSignature : _hasher.HashFile(_fs, path);
        _store.SetInfo(node, new NodeInfo(signature, stamp, ContentSignature.None));
        Finish(node, NodeState.UpToDate);
    }

    private void EvaluateTargets(int node, int executor, int[] targets, WorkerBuffers worker)
    {
        var targetPaths = new string[targets.Length];
        for (var i = 0; i < targets.Length; i++)
        {
            targetPaths[i] = _store.GetPath(targets[i]);
        }

        var sources = worker.Edges(_store, node, EdgeKind.Sources);
        var sourcePaths = new string[sources.Length];
        for (var i = 0; i < sources.Length; i++)
        {
            sourcePaths[i] = _store.GetPath(sources[i]);
        }

        string commandLine;
        try
        {
            commandLine = ActionPlanner.CommandLine(_graph, executor, targetPaths, sourcePaths);
        }
        catch (SubstitutionException exception)
        {
            Fail(node, $"'{targetPaths[0]}': {exception.Message}");
            return;
        }

        var dependencies = worker.DecisionDependencies(_store, node);
        var signatures = new ContentSignature[dependencies.Count];
        var changedInDryRun = false;
        for (var i = 0; i < dependencies.Count; i++)
        {
            signatures[i] = _store.GetInfo(dependencies[i]).ContentSignature;
            changedInDryRun |= _options.DryRun && _changedInDryRun[dependencies[i]];
        }

        var actionSignature = SignatureCalculator.ActionSignature(_hasher, commandLine);
        var buildSignature = SignatureCalculator.BuildSignature(_hasher, actionSignature, signatures);
        if (!changedInDryRun && AllCurrent(targets, targetPaths, buildSignature))
        {
            FinishTargets(targets, NodeState.UpToDate, count: true);
            return;
        }

        _reporter.Command(commandLine);
        if (_options.DryRun)
        {
            foreach (var target in targets)
            {
                _changedInDryRun[target] = true;
            }

            FinishTargets(targets, NodeState.Executed, count: true);
            return;
        }

        foreach (var path in targetPaths)
        {
            _fs.Delete(path); // as SCons: a failed action leaves no stale output that looks built
        }

        var outcome = _executor.Execute(new ActionRequest(_store.GetBuilder(executor), commandLine, targetPaths, sourcePaths, signatures, _fs));
        if (!outcome.Succeeded)
        {
            foreach (var target in targets)
            {
                _store.SetInfo(target, NodeInfo.None);
            }

            Fail(node, $"'{targetPaths[0]}': {outcome.Error}");
            return;
        }

        for (var i = 0; i < targets.Length; i++)
        {
            var stamp = _fs.Stat(targetPaths[i]);
            var signature = stamp.Exists ? _hasher.HashFile(_fs, targetPaths[i]) : ContentSignature.None;
            _store.SetInfo(targets[i], new NodeInfo(signature, stamp, buildSignature));
            _store.SetBuildInfo(targets[i], new BuildInfo(commandLine, actionSignature, buildSignature, signatures));
        }

        FinishTargets(targets, NodeState.Executed, count: true);
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

    private bool ChildrenFailed(int node, WorkerBuffers worker)
    {
        foreach (var child in worker.Children(_graph, node))
        {
            if (_store.GetState(child) is NodeState.Failed or NodeState.Skipped)
            {
                return true;
            }
        }

        return false;
    }

    private void Fail(int node, string message)
    {
        // Named by the manifest line of the statement that builds the node, or needs it (a source).
        var executor = _store.GetExecutor(node);
        if (executor < 0 && _plan.FirstParent[node] is var parent and >= 0)
        {
            executor = _store.GetExecutor(parent);
        }

        _reporter.Error(_graph.Lines.OfExecutor(executor) > 0 ? _graph.Lines.Where(executor) + ": " + message : message);
        _store.SetState(node, NodeState.Failed);
        Interlocked.Increment(ref _failed);
        if (!_options.KeepGoing)
        {
            _stopping = true;
        }
    }

    private void FinishTargets(int[] targets, NodeState state, bool count)
    {
        // Only the first target is counted here; the others are counted when the walk reaches them.
        _store.SetState(targets[0], state);
        if (count)
        {
            Count(state);
        }

        _store.ReleaseTargetInfo(targets[0]);
        for (var i = 1; i < targets.Length; i++)
        {
            _store.SetState(targets[i], state);
        }
    }

    private void Finish(int node, NodeState state)
    {
        _store.SetState(node, state);
        Count(state);
        _store.ReleaseTargetInfo(node);
    }

    private void Count(NodeState state)
    {
        switch (state)
        {
            case NodeState.Executed:
                Interlocked.Increment(ref _executed);
                break;
            case NodeState.UpToDate:
                Interlocked.Increment(ref _upToDate);
                break;
            case NodeState.Failed:
                Interlocked.Increment(ref _failed);
                break;
            case NodeState.Skipped:
                Interlocked.Increment(ref _skipped);
                break;
        }
    }
}
