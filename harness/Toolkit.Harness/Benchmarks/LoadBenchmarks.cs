using BenchmarkDotNet.Attributes;
using Toolkit.Engine.Build;
using Toolkit.Optimizations;

namespace Toolkit.Harness.Benchmarks;

/// <summary>
/// Load time: <see cref="Project.Open(string, EngineSettings, IBuildReporter)"/> (read the manifest,
/// scan, apply the database) with the baseline's settings (the ratio's baseline) and with
/// <see cref="Variant"/>'s. The Retained column shows what one loaded project keeps.
/// </summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private string _directory = "";

    /// <summary>Sources of the generated project.</summary>
    [Params(1_000, 10_000)]
    public int Sources { get; set; }

    /// <summary>The variant loaded by <see cref="VariantOpen"/>.</summary>
    [ParamsSource(nameof(Variants))]
    public string Variant { get; set; } = "baseline";

    /// <summary>Every variant of the factory.</summary>
    public static IEnumerable<string> Variants => VariantFactory.Default.Names;

    /// <summary>Generates the project and records what a baseline load retains.</summary>
    [GlobalSetup(Target = nameof(BaselineOpen))]
    public void SetupBaseline() => Prepare("baseline", nameof(BaselineOpen));

    /// <summary>Generates the project and records what a variant load retains.</summary>
    [GlobalSetup(Target = nameof(VariantOpen))]
    public void SetupVariant() => Prepare(Variant, nameof(VariantOpen));

    /// <summary>Opens with the baseline settings.</summary>
    [Benchmark(Baseline = true)]
    public Project BaselineOpen() => BenchmarkProjects.Open(_directory, VariantFactory.Default.Get("baseline").CreateSettings());

    /// <summary>Opens with the variant's settings.</summary>
    [Benchmark]
    public Project VariantOpen() => BenchmarkProjects.Open(_directory, VariantFactory.Default.Get(Variant).CreateSettings());

    private void Prepare(string variant, string method)
    {
        _directory = BenchmarkProjects.Get(Sources);
        RetainedBytesRecorder.Measure(this, method, () => BenchmarkProjects.Open(_directory, VariantFactory.Default.Get(variant).CreateSettings()), p => p.Graph.Store.Count);
    }
}
