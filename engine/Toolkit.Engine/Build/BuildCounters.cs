using Toolkit.Engine.Graph;

namespace Toolkit.Engine.Build;

/// <summary>
/// What a build did so far, counted by node state; safe to update from every worker at once
/// (one interlocked increment per node). Only the first target of a statement is counted when the
/// action runs; its other targets are counted when the walk reaches them.
/// </summary>
internal sealed class BuildCounters
{
    private int _done;
    private int _executed;
    private int _upToDate;
    private int _failed;
    private int _skipped;

    /// <summary>Counts one more node in <paramref name="state"/>.</summary>
    public void Count(NodeState state)
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

    /// <summary>Counts one more node finished by a worker; returns how many are finished now.</summary>
    public int CountDone() => Interlocked.Increment(ref _done);

    /// <summary>The result of a build that considered <paramref name="considered"/> nodes.</summary>
    public BuildResult ToResult(int considered, bool interrupted, TimeSpan elapsed) =>
        new(considered, Volatile.Read(ref _executed), Volatile.Read(ref _upToDate), Volatile.Read(ref _failed), Volatile.Read(ref _skipped), interrupted, elapsed);
}
