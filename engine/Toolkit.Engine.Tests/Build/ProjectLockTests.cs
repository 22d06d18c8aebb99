using System.Globalization;
using Toolkit.Engine.Build;

namespace Toolkit.Engine.Tests.Build;

/// <summary>
/// issue 10, item 9: one build of a project at a time. The lock is a kernel lock on .toolkit.lock
/// (released however its holder ends); a second taker is told the holder's process id, or waits; a
/// dead holder's line left in the file marks the last build as unfinished.
/// </summary>
public sealed class ProjectLockTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("toolkit-lock-").FullName;

    [Fact]
    public void A_second_taker_is_told_who_holds_the_lock()
    {
        using var first = ProjectLock.Acquire(_root, "toolkit build", wait: false, waiting: null, CancellationToken.None);

        var error = Assert.Throws<ProjectException>(() => ProjectLock.Acquire(_root, "toolkit build", wait: false, waiting: null, CancellationToken.None));

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"process {Environment.ProcessId} (toolkit build, since "), error.Message, StringComparison.Ordinal);
        Assert.Contains("--wait", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_waiting_taker_gets_the_lock_once_it_is_released()
    {
        var first = ProjectLock.Acquire(_root, "toolkit build", wait: false, waiting: null, CancellationToken.None);
        using var told = new ManualResetEventSlim();
        var second = Task.Run(() => ProjectLock.Acquire(_root, "toolkit build", wait: true, waiting: _ => told.Set(), CancellationToken.None));

        told.Wait(); // it found the lock held and is waiting
        Assert.False(second.IsCompleted);
        first.Dispose();

        using var taken = await second;
        Assert.False(taken.PreviousHolderDied);
    }

    [Fact]
    public void A_wait_is_ended_by_an_interruption()
    {
        using var first = ProjectLock.Acquire(_root, "toolkit build", wait: false, waiting: null, CancellationToken.None);
        using var interrupt = new CancellationTokenSource();

        Assert.Throws<OperationCanceledException>(() => ProjectLock.Acquire(_root, "toolkit build", wait: true, waiting: _ => interrupt.Cancel(), interrupt.Token));
    }

    [Fact]
    public void The_line_of_a_holder_that_died_is_taken_over_and_marks_the_last_build_unfinished()
    {
        File.WriteAllText(Path.Join(_root, ProjectLock.FileName), "pid 999999 (toolkit build, since 2026-01-01 00:00:00 UTC)\n");

        using (var taken = ProjectLock.Acquire(_root, "toolkit build", wait: false, waiting: null, CancellationToken.None))
        {
            Assert.True(taken.PreviousHolderDied);
        }

        using var again = ProjectLock.Acquire(_root, "toolkit build", wait: false, waiting: null, CancellationToken.None);
        Assert.False(again.PreviousHolderDied);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
