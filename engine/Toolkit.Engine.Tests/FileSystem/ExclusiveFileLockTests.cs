using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Tests.FileSystem;

/// <summary>The project lock's file lock: released by its holder even while a copy of its descriptor lives on.</summary>
public sealed class ExclusiveFileLockTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("toolkit-lock-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_released_lock_is_free_although_a_copy_of_its_descriptor_is_still_open()
    {
        if (!OperatingSystem.IsLinux())
        {
            Console.WriteLine("skipped: the lock is flock(2) on Linux only");
            return;
        }
        string path = Path.Join(_root, "lock");
        var held = ExclusiveFileLock.TryAcquire(path);
        Assert.NotNull(held);
        Assert.Null(ExclusiveFileLock.TryAcquire(path));
        // What a process forked by another thread holds until it execs.
        int copy = Posix.Dup((int)held.Handle.DangerousGetHandle());
        Assert.True(copy >= 0);
        try
        {
            held.Dispose();
            using var again = ExclusiveFileLock.TryAcquire(path);
            Assert.NotNull(again);
        }
        finally
        {
            Posix.Close(copy);
        }
    }
}
