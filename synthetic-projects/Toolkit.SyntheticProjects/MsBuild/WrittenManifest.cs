namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>What <see cref="ImportManifestWriter"/> wrote: its root, the counts and the projects, in manifest order.</summary>
internal sealed record WrittenManifest(string Root, int Projects, int ProjectReferences, int CompileItems, IReadOnlyList<string> ImportedProjects);
