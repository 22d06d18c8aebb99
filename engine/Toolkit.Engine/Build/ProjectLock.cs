using System.Globalization;
using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Build;

/// <summary>
/// One build (or clean) of a project at a time: an exclusive lock on <c>.toolkit.lock</c> in the
/// project root, held for the whole build. A second build finds it held and says which process
/// holds it, or waits for it (<c>--wait</c>). The lock dies with its process (kill -9 included), so
/// a dead holder's lock is simply taken; its line left in the file tells the taker that the last
/// build did not finish cleanly, so its temporary files are removed (<see cref="PreviousHolderDied"/>).
/// </summary>
public sealed class ProjectLock : IDisposable
{
    /// <summary>The lock file's name in the project root (one of <see cref="EngineFiles"/>).</summary>
    public const string FileName = EngineFiles.Prefix + "lock";

    /// <summary>How often a waiting build tries again: often enough to start soon after, rarely enough to cost nothing.</summary>
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(200);

    private readonly ExclusiveFileLock _lock;

    private ProjectLock(ExclusiveFileLock held, bool previousHolderDied)
    {
        _lock = held;
        PreviousHolderDied = previousHolderDied;
    }

    /// <summary>True when the last holder ended without releasing the lock (killed, crashed): its temporary files may remain.</summary>
    public bool PreviousHolderDied { get; }

    /// <summary>
    /// Takes the lock of the project in <paramref name="root"/>. Held by another process: a
    /// <see cref="ProjectException"/> naming it, or, with <paramref name="wait"/>, a wait (reported once
    /// through <paramref name="waiting"/>) until it is free or <paramref name="cancellation"/> fires.
    /// </summary>
    public static ProjectLock Acquire(string root, string what, bool wait, Action<string>? waiting, CancellationToken cancellation)
    {
        var path = Path.Join(root, FileName);
        var told = false;
        while (true)
        {
            var held = ExclusiveFileLock.TryAcquire(path);
            if (held is not null)
            {
                var died = held.ReadText().Length > 0;
                held.WriteText(string.Create(CultureInfo.InvariantCulture, $"pid {Environment.ProcessId} ({what}, since {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC)\n"));
                return new ProjectLock(held, died);
            }

            var holder = ExclusiveFileLock.ReadText(path);
            var who = holder.Length > 0 ? $"process {holder.Replace("pid ", string.Empty, StringComparison.Ordinal)}" : "another process";
            if (!wait)
            {
                throw new ProjectException($"another build of '{root}' is running: {who} holds {FileName}; wait for it to finish, or run with --wait");
            }

            if (!told)
            {
                waiting?.Invoke($"waiting for {who}, which holds {path}");
                told = true;
            }

            if (cancellation.WaitHandle.WaitOne(RetryInterval))
            {
                throw new OperationCanceledException("interrupted while waiting for the project lock", cancellation);
            }
        }
    }

    /// <summary>Clears the owner line (a clean end) and releases the lock.</summary>
    public void Dispose()
    {
        try
        {
            _lock.WriteText(string.Empty);
        }
        catch (IOException)
        {
            // a full disk cannot even truncate: the next taker then sweeps temporary files, which is harmless
        }

        _lock.Dispose();
    }
}
