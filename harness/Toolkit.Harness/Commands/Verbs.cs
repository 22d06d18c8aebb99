using Toolkit.Harness.Commands.Help;
using Toolkit.Optimizations;

namespace Toolkit.Harness.Commands;

/// <summary>
/// The verbs, grouped by the job they serve, in the order <c>toolkit --help</c> lists them. A new verb
/// goes into the group of its job (an importer into "Build a project"); the CLI tests then require
/// an example in its help and the option names of the conventions (docs/cli.md).
/// </summary>
public static class Verbs
{
    /// <summary>Every verb in its group; those with --variant or --variants offer the variants of <paramref name="variants"/>.</summary>
    public static IReadOnlyList<VerbGroup> Groups(VariantFactory variants) =>
    [
        new("Build a project (generate or import one, build, clean, scan its headers)",
        [
            GenerateCommand.Create(),
            BuildCommand.Create(variants),
            CleanCommand.Create(),
            ScanCommand.Create(),
            ImportMsBuildCommand.Create(),
            ImportNinjaCommand.Create(),
            ImportCompdbCommand.Create(),
        ]),
        new("Measure (one variant, how memory grows with size, benchmarks, two variants or runs side by side)",
        [
            FootprintCommand.Create(variants),
            ScaleCommand.Create(variants),
            BenchCommand.Create(),
            CompareCommand.Create(variants),
        ]),
        new("Report (the markdown pages and charts of a scaling run)",
        [
            ReportCommand.Create(),
        ]),
        new("Inspect a heap (capture one, then ask what holds the memory)",
        [
            HeapCommand.Create(),
        ]),
    ];
}
