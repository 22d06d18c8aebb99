namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>What evaluation produced: the imported projects in walk order and the failures met on the way.</summary>
internal sealed record ProjectLoadResult(IReadOnlyList<ImportedProject> Projects, IReadOnlyList<MsBuildImportFailure> Failures);
