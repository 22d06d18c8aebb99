using BenchmarkDotNet.Configs;

namespace Toolkit.Harness.Benchmarks;

/// <summary>The configuration of <c>toolkit bench</c>: BenchmarkDotNet's defaults plus the Retained and Retained/Node columns.</summary>
public static class ToolkitBenchmarkConfig
{
    /// <summary>Adds the retained-bytes columns to <paramref name="baseConfig"/> (the default config when null).</summary>
    public static ManualConfig Create(IConfig? baseConfig = null) =>
        ManualConfig.Create(baseConfig ?? DefaultConfig.Instance)
            .AddColumn(new RetainedBytesColumn(perNode: false), new RetainedBytesColumn(perNode: true));
}
