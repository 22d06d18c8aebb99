using Toolkit.Engine.Build;
using Toolkit.Engine.Graph;

namespace Toolkit.Optimizations.Tests.Conformance;

/// <summary>What one build step did, in a form two variants can be compared by: the project built (its store), what the database gave each node before the build, the result, the actions, the errors, the database bytes, the files on disk (the build image left out), the warnings, whether a build image answered, and what a dry run right before it would have run.</summary>
internal sealed record StepOutcome(Project Project, List<NodeInfo> StoredBeforeBuild, BuildResult Result, List<string> Executed, List<string> Commands, List<string> Errors, byte[] Database, IReadOnlyList<string> Files, List<string> Warnings, bool ServedByImage)
{
    /// <summary>
    /// What a dry run just before the build printed, opened as <c>toolkit build -n</c> opens one (the scan only of objects
    /// whose outputs exist) and with every object scanned; null when none ran (the image answered).
    /// </summary>
    public (List<string> DecisionsOnly, List<string> Scanned)? DryRunCommands { get; init; }
}
