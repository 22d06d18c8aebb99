using Toolkit.Harness.Commands.Help;

namespace Toolkit.Harness.Commands;

/// <summary>
/// The verbs, grouped by the job they serve, in the order <c>toolkit --help</c> lists them. A new verb
/// goes into the group of its job (an importer into "Build a project"); the CLI tests then require
/// an example in its help and the option names of the conventions (docs/cli.md).
/// </summary>
public static class Verbs
{
    /// <summary>Every verb in its group.</summary>
    public static IReadOnlyList<VerbGroup> Groups() =>
    [
        new("Build a project (generate or import one, build, clean, scan its headers)",
        [
            GenerateCommand.Create(),
            BuildCommand.Create(),
            CleanCommand.Create(),
            ScanCommand.Create(),
            ImportMsBuildCommand.Create(),
            ImportNinjaCommand.Create(),
            ImportCompdbCommand.Create(),
        ]),
        new("Measure (one variant, how memory grows with size, benchmarks, two variants or runs side by side)",
        [
            FootprintCommand.Create(),
            ScaleCommand.Create(),
            BenchCommand.Create(),
            CompareCommand.Create(),
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
