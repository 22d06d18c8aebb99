namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>An imported project whose paths passed the manifest's token rules, as manifest paths.</summary>
internal sealed record ManifestProject(ImportedProject Source, string ProjectFile, string Output, IReadOnlyList<string> CompileItems);
