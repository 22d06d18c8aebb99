using System.Runtime.CompilerServices;

namespace Toolkit.Harness.Tests.Reporting;

/// <summary>
/// Where the reporting tests' fixture and golden files live: next to this source file (found with
/// [CallerFilePath] at build time), so TOOLKIT_UPDATE_GOLDEN=1 rewrites the committed files themselves.
/// </summary>
internal static class ReportingFiles
{
    /// <summary>The environment variable that makes the golden test rewrite the golden files.</summary>
    public const string UpdateVariable = "TOOLKIT_UPDATE_GOLDEN";

    public static string Directory { get; } = System.IO.Path.GetDirectoryName(Here())!;

    public static string FixtureJson => System.IO.Path.Combine(Directory, "Fixtures", "scale-results.json");

    public static string FixtureJsonVersion1 => System.IO.Path.Combine(Directory, "Fixtures", "scale-results-v1.json");

    public static string FixtureSources => System.IO.Path.Combine(Directory, "Fixtures", "sources");

    public static string Golden => System.IO.Path.Combine(Directory, "Golden");

    public static bool Updating => System.Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    private static string Here([CallerFilePath] string path = "") => path;
}
