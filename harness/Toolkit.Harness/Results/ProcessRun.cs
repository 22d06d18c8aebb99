namespace Toolkit.Harness.Results;

/// <summary>
/// One run of a build tool as a whole process, measured from outside: peak resident set from the
/// kernel's rusage (GNU time's %M, the maximum over the process and the children it waited for),
/// wall time by the harness's own clock around the process, user and system CPU from rusage.
/// </summary>
/// <param name="Repetition">0 for the warm-up run, 1 to N for the counted ones.</param>
/// <param name="Sequence">Position in the order of execution of the whole run (0 first).</param>
/// <param name="Warmup">True for the uncounted first run of this (tool, size).</param>
/// <param name="PeakRssBytes">Peak resident set, bytes.</param>
/// <param name="WallSeconds">Wall time.</param>
/// <param name="UserSeconds">User CPU time, children included.</param>
/// <param name="SystemSeconds">System CPU time, children included.</param>
public sealed record ProcessRun(int Repetition, int Sequence, bool Warmup, long PeakRssBytes, double WallSeconds, double UserSeconds, double SystemSeconds);
