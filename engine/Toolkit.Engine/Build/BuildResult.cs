namespace Toolkit.Engine.Build;

/// <summary>What a build did. Exit code: 0 when nothing failed, 2 otherwise (as SCons).</summary>
public sealed record BuildResult(int Considered, int Executed, int UpToDate, int Failed, int Skipped, bool Interrupted, TimeSpan Elapsed)
{
    /// <summary>The process exit code for this result.</summary>
    public int ExitCode => Failed > 0 || Interrupted ? 2 : 0;

    /// <summary>True when nothing failed and nothing was interrupted.</summary>
    public bool Succeeded => ExitCode == 0;
}
