using System.Runtime.CompilerServices;
using Microsoft.Build.Construction;

namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>
/// Lists the project files a solution names, with MSBuild's own solution parser (which also reads
/// .slnx in the MSBuild that ships with current SDKs). Solution folders and non-MSBuild entries are
/// skipped. Uses MSBuild types: call only after <see cref="MsBuildRegistration.EnsureRegistered"/>.
/// </summary>
internal static class SolutionProjectLister
{
    // Never inlined into a caller compiled before MSBuild is registered: its MSBuild types would load too early.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static IReadOnlyList<string> List(string solutionPath)
    {
        var solution = SolutionFile.Parse(solutionPath);
        var projects = new List<string>();
        foreach (var project in solution.ProjectsInOrder)
        {
            if (project.ProjectType != SolutionProjectType.SolutionFolder && EntryProjectFinder.IsProjectFile(project.AbsolutePath))
            {
                projects.Add(Path.GetFullPath(project.AbsolutePath));
            }
        }

        projects.Sort(StringComparer.Ordinal);
        return projects;
    }
}
