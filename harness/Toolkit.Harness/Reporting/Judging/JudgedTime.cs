using Toolkit.Harness.Results;

namespace Toolkit.Harness.Reporting.Judging;

/// <summary>
/// A time a technique's cost is judged by: for results with whole-process runs, each operation's wall
/// time as the user feels it (null build first: the one people wait for most); for schema-1 results,
/// the footprint child's load and null-build times.
/// </summary>
/// <param name="Label">How a page names it ("null build").</param>
/// <param name="Sample">The runs of a variant at the point.</param>
public sealed record JudgedTime(string Label, Func<JudgedPoint, string, double[]> Sample)
{
    /// <summary>The times judged at <paramref name="point"/>.</summary>
    public static IReadOnlyList<JudgedTime> For(JudgedPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (point.Processes.HasEngine)
        {
            return [.. new[] { ProcessOperations.NullBuild, ProcessOperations.DryRun, ProcessOperations.FullBuild }
                .Where(op => point.Processes.Operations.Contains(op))
                .Select(op => new JudgedTime(ProcessOperations.Label(op), (p, v) => p.Processes.Wall(ProcessRecord.EngineTool, v, p.Sources, op)))];
        }

        return
        [
            new("load", (p, v) => p.Analysis.Sample(v, p.Sources, r => r.LoadSeconds)),
            new("null build", (p, v) => p.Analysis.Sample(v, p.Sources, r => r.NullBuildSeconds)),
        ];
    }
}
