using System.CommandLine;
using Toolkit.Optimizations;

namespace Toolkit.Harness.Commands;

/// <summary>The list of verbs, in the order --help shows them.</summary>
public static class Verbs
{
    /// <summary>Every verb; those that take --variant or --variants offer the variants of <paramref name="variants"/>.</summary>
    public static IEnumerable<Command> All(VariantFactory variants) =>
    [
        GenerateCommand.Create(),
        BuildCommand.Create(variants),
        CleanCommand.Create(),
        ScanCommand.Create(),
        ImportMsBuildCommand.Create(),
        FootprintCommand.Create(variants),
        CompareCommand.Create(),
        BenchCommand.Create(),
        ReportCommand.Create(),
        ScaleCommand.Create(variants),
        HeapCommand.Create(),
    ];
}
