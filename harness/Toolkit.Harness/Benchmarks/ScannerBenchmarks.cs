using BenchmarkDotNet.Attributes;
using Toolkit.Engine.Build;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Scanning;

namespace Toolkit.Harness.Benchmarks;

/// <summary>
/// Scanner speed: every object's source of a generated project scanned transitively for #includes,
/// on one thread, with a fresh scanner and cache (cold, the baseline) or with a scanner whose cache
/// is already full (warm: what a second scan in one process costs).
/// </summary>
[MemoryDiagnoser]
public class ScannerBenchmarks
{
    private (string Source, IReadOnlyList<string> CppPath)[] _sources = [];
    private IFileSystem? _fileSystem;
    private CIncludeScanner? _warm;

    /// <summary>Sources of the generated project.</summary>
    [Params(1_000, 10_000)]
    public int Sources { get; set; }

    /// <summary>Lists the sources with their CPPPATH and fills the warm scanner's cache.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var project = BenchmarkProjects.Open(BenchmarkProjects.Get(Sources), EngineSettings.Baseline);
        var store = project.Graph.Store;
        var list = new List<(string, IReadOnlyList<string>)>();
        var source = new int[1];
        for (var node = 0; node < store.Count; node++)
        {
            var executor = store.GetExecutor(node);
            if (executor >= 0 && store.GetBuilder(executor) == BuilderKind.Object && store.CopyEdges(node, EdgeKind.Sources, source) > 0)
            {
                list.Add((store.GetPath(source[0]), project.Graph.Environments[store.GetEnvironment(executor)].GetList("CPPPATH")));
            }
        }

        _sources = [.. list];
        _fileSystem = project.FileSystem;
        _warm = new CIncludeScanner(_fileSystem, new StrongScanCache());
        Scan(_warm);
    }

    /// <summary>Scans with a new scanner and an empty cache.</summary>
    [Benchmark(Baseline = true)]
    public int Cold() => Scan(new CIncludeScanner(_fileSystem!, new StrongScanCache()));

    /// <summary>Scans again with the warm scanner.</summary>
    [Benchmark]
    public int Warm() => Scan(_warm!);

    private int Scan(CIncludeScanner scanner)
    {
        var headers = 0;
        foreach (var (source, cppPath) in _sources)
        {
            headers += scanner.ScanTransitive(source, cppPath).Count;
        }

        return headers;
    }
}
