namespace Toolkit.Harness.Results;

/// <summary>
/// One build tool doing one operation on one project, as a whole process, every run: the engine
/// (<see cref="Tool"/> "toolkit", with its <see cref="Variant"/>) and each peer (make, ninja, samurai,
/// scons) alike, on the same clock and the same rusage method; or why the tool was skipped.
/// </summary>
/// <param name="Tool">"toolkit" for the engine, else the peer's name.</param>
/// <param name="Variant">The engine's variant; null for a peer.</param>
/// <param name="Sources">The project's size.</param>
/// <param name="LargeFiles">The project's large files (0 for the ordinary points).</param>
/// <param name="Operation">One of <see cref="ProcessOperations.All"/>.</param>
/// <param name="Command">The command as run, in the project directory.</param>
/// <param name="SkippedBecause">Why the tool was not measured, or null.</param>
/// <param name="Runs">Every run, warm-up first.</param>
public sealed record ProcessRecord(string Tool, string? Variant, int Sources, int LargeFiles, string Operation, string Command, string? SkippedBecause, IReadOnlyList<ProcessRun> Runs)
{
    /// <summary>The tool name of the engine's records.</summary>
    public const string EngineTool = "toolkit";

    /// <summary>The counted runs (the warm-up left out).</summary>
    public IEnumerable<ProcessRun> Counted => Runs.Where(r => !r.Warmup);
}
