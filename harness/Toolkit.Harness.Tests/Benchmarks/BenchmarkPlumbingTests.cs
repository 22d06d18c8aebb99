using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Toolkit.Harness.Benchmarks;

namespace Toolkit.Harness.Tests.Benchmarks;

[Collection(SerialCollection.Name)]
public sealed class BenchmarkPlumbingTests
{
    [Fact]
    public void A_layout_benchmark_runs_in_process_and_its_retained_column_has_a_value()
    {
        var column = new RetainedBytesColumn(perNode: false);
        var perNode = new RetainedBytesColumn(perNode: true);
        var artifacts = Directory.CreateTempSubdirectory("toolkit-bench-tests-").FullName;
        try
        {
            var config = ManualConfig.CreateEmpty()
                .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
                .AddLogger(NullLogger.Instance)
                .AddColumn(column, perNode)
                .AddFilter(new SimpleFilter(c =>
                    c.Descriptor.WorkloadMethod.Name == nameof(LayoutAccessBenchmarks.BaselineWalk)
                    && c.Parameters.Items.Any(p => p.Name == "Sources" && (int)p.Value == 1_000)
                    && c.Parameters.Items.Any(p => p.Name == "Variant" && (string)p.Value == "baseline")))
                .WithOptions(ConfigOptions.DisableOptimizationsValidator)
                .WithArtifactsPath(artifacts);
            var summary = BenchmarkRunner.Run<LayoutAccessBenchmarks>(config);
            Assert.False(summary.HasCriticalValidationErrors, string.Join("; ", summary.ValidationErrors.Select(e => e.Message)));
            var report = Assert.Single(summary.Reports);
            Assert.True(report.Success, "the benchmark did not run");
            var record = column.Read(report.BenchmarkCase);
            Assert.NotNull(record);
            Assert.True(record.RetainedBytes > 0, $"retained {record.RetainedBytes}");
            Assert.True(record.Nodes > 1_000, $"nodes {record.Nodes}");
            Assert.EndsWith(" B", column.GetValue(summary, report.BenchmarkCase), StringComparison.Ordinal);
            Assert.NotEqual("-", perNode.GetValue(summary, report.BenchmarkCase));
        }
        finally
        {
            Directory.Delete(artifacts, recursive: true);
        }
    }

    [Fact]
    public void A_benchmark_without_a_record_shows_a_dash()
    {
        var key = RetainedBytesRecorder.Key(typeof(BenchmarkPlumbingTests), "Nothing", [("Sources", 1)]);
        Assert.Null(RetainedBytesRecorder.TryRead(key, DateTime.UtcNow));
    }

    [Fact]
    public void Keys_do_not_depend_on_parameter_order()
    {
        Assert.Equal(
            RetainedBytesRecorder.Key(typeof(LoadBenchmarks), "VariantOpen", [("Sources", 1000), ("Variant", "slots")]),
            RetainedBytesRecorder.Key(typeof(LoadBenchmarks), "VariantOpen", [("Variant", "slots"), ("Sources", 1000)]));
    }
}
