using System.Runtime.ExceptionServices;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// Runs scans on several threads and lets a user's error through as itself: <see cref="Parallel.For(int, int, Action{int})"/>
/// wraps whatever a body throws in an <see cref="AggregateException"/>, which the CLI would print as a bug
/// with a stack trace; the first <see cref="UserErrorException"/> inside is rethrown instead (one line,
/// exit 1), and anything else is rethrown as it was (a bug).
/// </summary>
internal static class ParallelScan
{
    /// <summary>Runs <paramref name="body"/> for 0..<paramref name="count"/>-1 on up to <paramref name="jobs"/> threads (0: the runtime's choice).</summary>
    public static void For(int count, int jobs, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = jobs > 0 ? jobs : -1 }, body);
        }
        catch (AggregateException aggregate)
        {
            var flat = aggregate.Flatten().InnerExceptions;
            var first = flat.FirstOrDefault(inner => inner is UserErrorException) ?? flat.FirstOrDefault();
            if (first is not null)
            {
                ExceptionDispatchInfo.Capture(first).Throw();
            }

            throw;
        }
    }
}
