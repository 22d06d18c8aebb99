namespace Toolkit.Engine.Build;

/// <summary>How to run a build (SCons's and Make's familiar switches).</summary>
public sealed class BuildOptions
{
    /// <summary>
    /// The most jobs a build runs at once: 256. Each job is a thread (with its stack reserved) that
    /// runs one action; the largest build machines have 256 hardware threads, and beyond that more
    /// threads only contend (-j 100000 started 100,000 threads). Larger requests are capped with a note.
    /// </summary>
    public const int MaxJobs = 256;

    /// <summary>
    /// Parallel jobs (-j). Default: one per core, as Ninja does (SCons and Make default to one); the
    /// decider's stat and hash work runs on the same workers, so a null build uses every core too.
    /// </summary>
    public int Jobs { get; init; } = Math.Min(Environment.ProcessorCount, MaxJobs);

    /// <summary>-k: go on with what does not depend on a failure.</summary>
    public bool KeepGoing { get; init; }

    /// <summary>-n: print what would run, change nothing (no action, no database write).</summary>
    public bool DryRun { get; init; }

    /// <summary>--wait: when another build holds the project's lock, wait for it instead of failing.</summary>
    public bool WaitForLock { get; init; }

    /// <summary>Stops the build: running actions finish, nothing new starts, the database is saved.</summary>
    public CancellationToken Cancellation { get; init; }
}
