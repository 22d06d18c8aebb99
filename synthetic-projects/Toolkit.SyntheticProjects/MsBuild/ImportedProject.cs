namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>
/// One evaluated project reduced to what the manifest needs, as full paths: the project file, its
/// Compile items, its output assembly and the project files it references directly. Holds no
/// MSBuild object, so the evaluation (and its caches) can be released before the manifest is written.
/// </summary>
/// <param name="ProjectPath">The project file.</param>
/// <param name="TargetPath">The assembly the project builds (MSBuild's TargetPath).</param>
/// <param name="TargetFramework">The framework evaluated ("" when the project names none).</param>
/// <param name="TargetFrameworks">All frameworks of a multi-targeted project ("" otherwise).</param>
/// <param name="CompileItems">The Compile items in evaluation order, without duplicates.</param>
/// <param name="References">The referenced project files that exist, in declaration order, without duplicates.</param>
public sealed record ImportedProject(
    string ProjectPath,
    string TargetPath,
    string TargetFramework,
    string TargetFrameworks,
    IReadOnlyList<string> CompileItems,
    IReadOnlyList<string> References);
