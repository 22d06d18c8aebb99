using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Signatures;

namespace Toolkit.Engine.Actions;

/// <summary>
/// One action to run: the builder, the substituted command line, the paths it writes and reads,
/// and the content signatures of everything that went into the decision (sources, explicit and
/// implicit dependencies, in order), so that a simulated tool can make outputs that change exactly
/// when a real tool's would.
/// </summary>
public sealed record ActionRequest(
    BuilderKind Builder,
    string CommandLine,
    IReadOnlyList<string> Targets,
    IReadOnlyList<string> Sources,
    ContentSignature[] DependencySignatures,
    IFileSystem FileSystem);
