namespace Toolkit.Harness.Results;

/// <summary>
/// The operations every build tool is measured doing, like with like: a dry run on a clean tree
/// (parse, build the graph, decide everything is out of date, run nothing), a full build from a clean
/// tree, and a null build right after it (everything up to date).
/// </summary>
public static class ProcessOperations
{
    /// <summary><c>-n</c> on a clean tree.</summary>
    public const string DryRun = "dry-run";

    /// <summary>A build from a clean tree.</summary>
    public const string FullBuild = "full-build";

    /// <summary>The same build again right after a full build: nothing to do.</summary>
    public const string NullBuild = "null-build";

    /// <summary>The three, in the order a measurement runs them.</summary>
    public static IReadOnlyList<string> All { get; } = [DryRun, FullBuild, NullBuild];

    /// <summary>How a page names an operation.</summary>
    public static string Label(string operation) => operation switch
    {
        DryRun => "dry run",
        FullBuild => "full build",
        NullBuild => "null build",
        _ => operation,
    };
}
