using Toolkit.Harness.Measuring;

namespace Toolkit.Harness.Tests.Measuring;

/// <summary>The user's build directory left as it was after the peers ran there (<see cref="PeerStateGuard"/>).</summary>
public sealed class PeerStateGuardTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("toolkit-peer-state-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void A_rewritten_state_file_is_put_back_byte_for_byte_with_its_time_and_a_new_one_is_removed()
    {
        var tree = Directory.CreateDirectory(Path.Join(_temp, "tree")).FullName;
        var log = Path.Join(tree, ".ninja_log");
        File.WriteAllText(log, "# ninja log v5\n1\t2\t3\ta.o\tabc\n");
        var written = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(log, written);
        var guard = PeerStateGuard.Save(tree, [".ninja_log", ".ninja_deps"], Path.Join(_temp, "backup"));
        Assert.Empty(guard.Restore());

        File.WriteAllText(log, "# ninja log v7\n");
        File.WriteAllText(Path.Join(tree, ".ninja_deps"), "# ninjadeps\n");
        Assert.Equal([".ninja_log", ".ninja_deps"], guard.Restore());
        Assert.Equal("# ninja log v5\n1\t2\t3\ta.o\tabc\n", File.ReadAllText(log));
        Assert.Equal(written, File.GetLastWriteTimeUtc(log));
        Assert.False(File.Exists(Path.Join(tree, ".ninja_deps")));
        Assert.Equal([".ninja_log"], Directory.GetFiles(tree).Select(Path.GetFileName));

        File.Delete(log);
        Assert.Equal([".ninja_log"], guard.Restore());
        Assert.True(File.Exists(log));
    }
}
