using BenchmarkDotNet.Attributes;
using Toolkit.Engine.Build;
using Toolkit.Optimizations;

namespace Toolkit.Harness.Benchmarks;

/// <summary>
/// Per-node access cost of each layout: walk every edge and read every state of a loaded graph.
/// <see cref="BaselineWalk"/> walks the baseline's graph (the ratio's baseline), <see cref="VariantWalk"/>
/// the graph of <see cref="Variant"/>; divide the time by the node count for a per-node cost.
/// </summary>
[MemoryDiagnoser]
public class LayoutAccessBenchmarks
{
    private Project? _project;
    private int[] _buffer = new int[64];

    /// <summary>Sources of the generated project.</summary>
    [Params(1_000, 100_000)]
    public int Sources { get; set; }

    /// <summary>The variant whose layout is walked.</summary>
    [ParamsSource(nameof(Variants))]
    public string Variant { get; set; } = "baseline";

    /// <summary>Every variant of the factory.</summary>
    public static IEnumerable<string> Variants => VariantFactory.Default.Names;

    /// <summary>Loads the baseline graph and records what it retains.</summary>
    [GlobalSetup(Target = nameof(BaselineWalk))]
    public void SetupBaseline() => Load("baseline", nameof(BaselineWalk));

    /// <summary>Loads the variant's graph and records what it retains.</summary>
    [GlobalSetup(Target = nameof(VariantWalk))]
    public void SetupVariant() => Load(Variant, nameof(VariantWalk));

    /// <summary>Walks the baseline graph.</summary>
    [Benchmark(Baseline = true)]
    public long BaselineWalk() => GraphWalk.Walk(_project!.Graph.Store, ref _buffer);

    /// <summary>Walks the variant's graph.</summary>
    [Benchmark]
    public long VariantWalk() => GraphWalk.Walk(_project!.Graph.Store, ref _buffer);

    /// <summary>Drops the graph.</summary>
    [GlobalCleanup]
    public void Cleanup() => _project = null;

    private void Load(string variant, string method)
    {
        var directory = BenchmarkProjects.Get(Sources);
        _project = RetainedBytesRecorder.Measure(this, method, () => BenchmarkProjects.Open(directory, VariantFactory.Default.Get(variant).CreateSettings()), p => p.Graph.Store.Count);
    }
}
