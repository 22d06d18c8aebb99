namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>A project the importer could not import (or imported only in part), with the reason.</summary>
/// <param name="ProjectPath">The full path of the project file concerned.</param>
/// <param name="Reason">What went wrong, in one line (MSBuild's message names file and line where it knows them).</param>
public sealed record MsBuildImportFailure(string ProjectPath, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{ProjectPath}: {Reason}";
}
