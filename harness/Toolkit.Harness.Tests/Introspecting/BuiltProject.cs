using System.Globalization;
using System.Text.RegularExpressions;
using Toolkit.Harness.Tests.Cli;

namespace Toolkit.Harness.Tests.Introspecting;

/// <summary>
/// A small generated project built once for the whole class, with <c>--debug=count</c> and
/// <c>--heap-snapshot</c>: the heap verbs then read that heap file (the engine's own heap after a
/// build, graph alive) and compare it with the counts the tracker printed in the same process.
/// </summary>
public sealed partial class BuiltProject : IDisposable
{
    public BuiltProject()
    {
        var (generated, _, generateError) = ToolkitProcess.Run(Root, "generate", "--sources", "40", "--seed", "5", "--out", Project);
        Assert.True(generated == 0, generateError);
        (BuildExitCode, BuildOutput, BuildError) = ToolkitProcess.Run(Root, "build", Project, "-s", "-j", "2", "--debug=count", "--heap-snapshot", HeapFile);
        var match = NodeCountLine().Match(BuildOutput);
        NodeCount = match.Success ? int.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : -1;
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("toolkit-heap-").FullName;

    public string Project => Path.Join(Root, "p");

    public string HeapFile => Path.Join(Root, "baseline.heap");

    public int BuildExitCode { get; }

    public string BuildOutput { get; }

    public string BuildError { get; }

    /// <summary>The graph's node count as --debug=count printed it (store.Count).</summary>
    public int NodeCount { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    [GeneratedRegex(@"graph: ([\d,]+) nodes")]
    private static partial Regex NodeCountLine();
}
