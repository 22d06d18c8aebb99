using System.Runtime.CompilerServices;

namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>
/// Runs a piece of work on its own background thread and stops waiting for it after a time limit.
/// MSBuild evaluation cannot be cancelled, so a project whose SDK resolution hangs is abandoned:
/// its thread is left to finish (or not) in the background, which costs one idle thread each, and
/// never keeps the process alive at exit.
/// </summary>
public static class TimeoutRunner
{
    /// <summary>
    /// Runs <paramref name="work"/> with a time limit. Returns <see cref="TimeoutRunOutcome.Completed"/>
    /// with its value, <see cref="TimeoutRunOutcome.Failed"/> with the exception it threw, or
    /// <see cref="TimeoutRunOutcome.TimedOut"/> when it did not finish in time.
    /// </summary>
    public static TimeoutRunOutcome Run<T>(Func<T> work, TimeSpan timeout, string threadName, out T? value, out Exception? error)
    {
        ArgumentNullException.ThrowIfNull(work);
        var result = new StrongBox<T?>();
        var failure = new StrongBox<Exception?>();
        var thread = new Thread(() =>
        {
            try
            {
                result.Value = work();
            }
            catch (Exception ex)
            {
                failure.Value = ex;
            }
        })
        {
            IsBackground = true,
            Name = threadName,
        };
        thread.Start();
        if (!thread.Join(timeout))
        {
            value = default;
            error = null;
            return TimeoutRunOutcome.TimedOut;
        }

        value = result.Value;
        error = failure.Value;
        return error is null ? TimeoutRunOutcome.Completed : TimeoutRunOutcome.Failed;
    }
}
