using Toolkit.Engine.Signatures;

namespace Toolkit.Engine.Build;

/// <summary>
/// What the <see cref="Decider"/> found for the targets of one build statement: the paths and the command
/// line the action would run with, the signatures the decision rests on, and whether the targets are up
/// to date. <see cref="Error"/> is set instead when the command line cannot be made (an unknown variable).
/// </summary>
internal sealed record TargetDecision(
    string[] TargetPaths,
    string[] SourcePaths,
    string CommandLine,
    ContentSignature[] DependencySignatures,
    ContentSignature ActionSignature,
    ContentSignature BuildSignature,
    bool UpToDate,
    string? Error)
{
    /// <summary>With -n, a statement that would run whatever its signatures are (a target missing, a dependency that would run): none computed.</summary>
    public static TargetDecision WouldRun(string[] targetPaths, string[] sourcePaths, string commandLine) =>
        new(targetPaths, sourcePaths, commandLine, [], ContentSignature.None, ContentSignature.None, UpToDate: false, null);

    /// <summary>A statement whose command line could not be made.</summary>
    public static TargetDecision Failed(string[] targetPaths, string[] sourcePaths, string error) =>
        new(targetPaths, sourcePaths, string.Empty, [], ContentSignature.None, ContentSignature.None, UpToDate: false, error);
}
