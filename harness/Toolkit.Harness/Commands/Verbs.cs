using System.CommandLine;

namespace Toolkit.Harness.Commands;

/// <summary>The list of verbs, in the order --help shows them.</summary>
public static class Verbs
{
    /// <summary>Every verb.</summary>
    public static IEnumerable<Command> All() =>
    [
        GenerateCommand.Create(),
        BuildCommand.Create(),
        CleanCommand.Create(),
        ScanCommand.Create(),
        ImportMsBuildCommand.Create(),
        ImportNinjaCommand.Create(),
        ImportCompdbCommand.Create(),
        FootprintCommand.Create(),
        CompareCommand.Create(),
        BenchCommand.Create(),
        ReportCommand.Create(),
        ScaleCommand.Create(),
        HeapCommand.Create(),
    ];
}
