using System.Collections.Concurrent;
using System.Diagnostics;
using Toolkit.Engine.Actions;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Stores;
using Toolkit.Engine.Signatures;

namespace Toolkit.Engine.Build;

/// <summary>
/// SCons's Taskmaster in miniature: walks a <see cref="BuildPlan"/> with N workers, takes up each node
/// once all its children are done, asks the <see cref="Decider"/> whether it is up to date, runs the
/// out-of-date actions, stops at the first failure or goes on with -k, and counts what happened
/// (<see cref="BuildCounters"/>). A node is queued when its last child finishes (an atomic counter per
/// node), so parallelism follows the graph. The scheduler schedules; the decider decides.
/// </summary>
public sealed class Scheduler
{
    private readonly BuildGraph _graph;
    private readonly NodeStore _store;
    private readonly BuildPlan _plan;
    private readonly BuildOptions _options;
    private readonly IActionExecutor _executor;
    private readonly IFileSystem _fs;
    private readonly IBuildReporter _reporter;
    private readonly Decider _decider;
    private readonly BuildCounters _counters = new();
    private readonly int[] _waiting;
    private readonly ConcurrentQueue<int> _ready = new();
    private readonly SemaphoreSlim _signal = new(0);
    private int _remaining;
    private volatile bool _stopping;

    private Scheduler(BuildGraph graph, BuildPlan plan, BuildOptions options, IContentHasher hasher, IActionExecutor executor, IFileSystem fs, IBuildReporter reporter)
    {
        _graph = graph;
        _store = graph.Store;
        _plan = plan;
        _options = options;
        _executor = executor;
        _fs = fs;
        _reporter = reporter;
        _decider = new Decider(graph, plan, hasher, fs, options.DryRun);
        _waiting = (int[])plan.WaitCounts.Clone();
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

        return _counters.ToResult(_plan.Order.Length, _options.Cancellation.IsCancellationRequested, clock.Elapsed);
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

            var done = _counters.CountDone();
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
            _decider.FollowFirstTarget(first, node);
            Finish(node, _store.GetState(first));
            return;
        }

        BuildTargets(node, executor, targets, worker);
    }

    private void EvaluateSource(int node)
    {
        if (_decider.EvaluateSource(node) is { } error)
        {
            Fail(node, error);
            return;
        }

        Finish(node, NodeState.UpToDate);
    }

    private void BuildTargets(int node, int executor, int[] targets, WorkerBuffers worker)
    {
        var decision = _decider.Decide(node, executor, targets, worker);
        if (decision.Error is { } error)
        {
            Fail(node, error);
            return;
        }

        if (decision.UpToDate)
        {
            FinishTargets(targets, NodeState.UpToDate);
            return;
        }

        _reporter.Command(decision.CommandLine);
        if (_options.DryRun)
        {
            _decider.NoteWouldRun(targets);
            FinishTargets(targets, NodeState.Executed);
            return;
        }

        foreach (var path in decision.TargetPaths)
        {
            _fs.Delete(path); // as SCons: a failed action leaves no stale output that looks built
        }

        var request = new ActionRequest(_store.GetBuilder(executor), decision.CommandLine, decision.TargetPaths, decision.SourcePaths, decision.DependencySignatures, _fs);
        var outcome = _executor.Execute(request);
        if (!outcome.Succeeded)
        {
            _decider.RecordFailed(targets);
            Fail(node, $"'{decision.TargetPaths[0]}': {outcome.Error}");
            return;
        }

        _decider.RecordBuilt(targets, decision);
        FinishTargets(targets, NodeState.Executed);
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
        if (executor < 0 && _plan.FirstParent(node) is var parent and >= 0)
        {
            executor = _store.GetExecutor(parent);
        }

        _reporter.Error(_graph.Lines.OfExecutor(executor) > 0 ? _graph.Lines.Where(executor) + ": " + message : message);
        _store.SetState(node, NodeState.Failed);
        _counters.Count(NodeState.Failed);
        if (!_options.KeepGoing)
        {
            _stopping = true;
        }
    }

    private void FinishTargets(int[] targets, NodeState state)
    {
        // Only the first target is counted here; the others are counted when the walk reaches them.
        _store.SetState(targets[0], state);
        _counters.Count(state);
        _store.ReleaseTargetInfo(targets[0]);
        for (var i = 1; i < targets.Length; i++)
        {
            _store.SetState(targets[i], state);
        }
    }

    private void Finish(int node, NodeState state)
    {
        _store.SetState(node, state);
        _counters.Count(state);
        _store.ReleaseTargetInfo(node);
    }
}
