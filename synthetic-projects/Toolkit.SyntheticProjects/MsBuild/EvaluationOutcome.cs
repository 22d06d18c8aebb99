using Microsoft.Build.Execution;

namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>One project evaluation's result: the evaluated instance, or the reason it failed.</summary>
internal sealed record EvaluationOutcome(ProjectInstance? Instance, string? Error, bool TimedOut = false);
