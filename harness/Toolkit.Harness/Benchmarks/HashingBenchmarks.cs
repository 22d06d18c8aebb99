using BenchmarkDotNet.Attributes;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Signatures;
using Toolkit.Optimizations;

namespace Toolkit.Harness.Benchmarks;

/// <summary>
/// Hashing throughput on one large file: the baseline's whole-file MD5 (one array the size of the
/// file, on the large object heap) against the chunked-hashing variant's hasher. Allocated bytes
/// (MemoryDiagnoser) show the LOH cost; time over file size gives the throughput.
/// </summary>
[MemoryDiagnoser]
public class HashingBenchmarks
{
    /// <summary>The variant whose hasher reads block by block.</summary>
    public const string ChunkedVariant = "chunked-hashing";

    /// <summary>Bytes per MiB.</summary>
    private const int MiB = 1 << 20;

    private DiskFileSystem? _fileSystem;
    private IContentHasher? _hasher;
    private string _file = "";

    /// <summary>Size of the hashed file, MiB.</summary>
    [Params(1, 8, 64)]
    public int FileMiB { get; set; }

    /// <summary>Writes the file and takes the baseline's hasher.</summary>
    [GlobalSetup(Target = nameof(WholeFile))]
    public void SetupWholeFile() => Prepare(VariantFactory.Default.Get("baseline").CreateSettings().Hasher);

    /// <summary>Writes the file and takes the chunked variant's hasher.</summary>
    [GlobalSetup(Target = nameof(Chunked))]
    public void SetupChunked()
    {
        if (!VariantFactory.Default.Names.Contains(ChunkedVariant))
        {
            throw new InvalidOperationException($"variant '{ChunkedVariant}' is not in this build (variants: {string.Join(", ", VariantFactory.Default.Names)})");
        }

        Prepare(VariantFactory.Default.Get(ChunkedVariant).CreateSettings().Hasher);
    }

    /// <summary>Whole-file MD5.</summary>
    [Benchmark(Baseline = true)]
    public ContentSignature WholeFile() => _hasher!.HashFile(_fileSystem!, _file);

    /// <summary>Chunked MD5.</summary>
    [Benchmark]
    public ContentSignature Chunked() => _hasher!.HashFile(_fileSystem!, _file);

    private void Prepare(IContentHasher hasher)
    {
        var directory = Path.Combine(Path.GetTempPath(), "toolkit-bench", "hashing");
        Directory.CreateDirectory(directory);
        _file = $"large-{FileMiB}MiB.bin";
        var path = Path.Combine(directory, _file);
        if (!File.Exists(path) || new FileInfo(path).Length != (long)FileMiB * MiB)
        {
            var random = new Random(FileMiB);
            var block = new byte[MiB];
            using var stream = File.Create(path);
            for (var i = 0; i < FileMiB; i++)
            {
                random.NextBytes(block);
                stream.Write(block);
            }
        }

        _fileSystem = new DiskFileSystem(directory);
        _hasher = hasher;
    }
}
