using System.Security.Cryptography;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Signatures;
using Toolkit.Optimizations.ChunkedHashing;

namespace Toolkit.Optimizations.Tests.ChunkedHashing;

public sealed class ChunkedMd5ContentHasherTests
{
    private const int Block = ChunkedMd5ContentHasher.BlockSize;

    public static TheoryData<int> Sizes => new() { 0, 1, 55, 64, Block - 1, Block, Block + 1, (2 * Block) - 1, 2 * Block, (2 * Block) + 1, (3 * Block) + 12345 };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Equals_md5_of_the_whole_file(int size)
    {
        var contents = new byte[size];
        new Random(size).NextBytes(contents);
        var files = new MemoryFileSystem();
        files.WriteAllBytes("f.bin", contents);

        var chunked = new ChunkedMd5ContentHasher().HashFile(files, "f.bin");

        Assert.Equal(ContentSignature.FromBytes(MD5.HashData(contents)), chunked);
        Assert.Equal(new Md5ContentHasher().HashFile(files, "f.bin"), chunked);
    }

    /// <summary>On disk a file shorter than a block is read in one call with no stream (TryReadSmall), a longer one streamed: both give MD5.</summary>
    [Theory]
    [MemberData(nameof(Sizes))]
    public void Equals_md5_of_the_whole_file_on_disk(int size)
    {
        var contents = new byte[size];
        new Random(size).NextBytes(contents);
        var root = Directory.CreateTempSubdirectory("toolkit-chunked-").FullName;
        try
        {
            File.WriteAllBytes(Path.Join(root, "f.bin"), contents);
            var files = new DiskFileSystem(root);

            Assert.Equal(ContentSignature.FromBytes(MD5.HashData(contents)), new ChunkedMd5ContentHasher().HashFile(files, "f.bin"));
            var buffer = new byte[Block];
            Assert.Equal(size < Block, files.TryReadSmall("f.bin", buffer, out var length));
            Assert.Equal(size < Block ? size : 0, size < Block ? length : 0);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>A FIFO or a link is not read by the fast path (a FIFO would block it): the stream path refuses or follows them as before.</summary>
    [Fact]
    public void The_fast_read_leaves_fifos_and_links_to_the_stream_path()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var root = Directory.CreateTempSubdirectory("toolkit-chunked-").FullName;
        try
        {
            File.WriteAllText(Path.Join(root, "real.c"), "int x;");
            File.CreateSymbolicLink(Path.Join(root, "link.c"), Path.Join(root, "real.c"));
            using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [Path.Join(root, "pipe.c")]))
            {
                mkfifo.WaitForExit();
            }

            var files = new DiskFileSystem(root);
            var buffer = new byte[Block];
            Assert.False(files.TryReadSmall("pipe.c", buffer, out _));
            Assert.False(files.TryReadSmall("link.c", buffer, out _));
            Assert.Equal(new Md5ContentHasher().HashBytes("int x;"u8), new ChunkedMd5ContentHasher().HashFile(files, "link.c"));
            Assert.Throws<IOException>(() => new ChunkedMd5ContentHasher().HashFile(files, "pipe.c"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void An_empty_file_has_the_md5_of_nothing_and_bytes_hash_as_md5()
    {
        var files = new MemoryFileSystem();
        files.WriteAllBytes("empty", []);
        Assert.Equal("d41d8cd98f00b204e9800998ecf8427e", new ChunkedMd5ContentHasher().HashFile(files, "empty").ToHex());
        Assert.Equal(new Md5ContentHasher().HashBytes("abc"u8), new ChunkedMd5ContentHasher().HashBytes("abc"u8));
    }

    [Fact]
    public void A_failed_read_does_not_spoil_the_next_file()
    {
        var files = new MemoryFileSystem();
        files.WriteAllBytes("ok", [1, 2, 3]);
        var hasher = new ChunkedMd5ContentHasher();
        Assert.Throws<FileNotFoundException>(() => hasher.HashFile(files, "missing"));
        Assert.Equal(new Md5ContentHasher().HashFile(files, "ok"), hasher.HashFile(files, "ok"));
    }
}
