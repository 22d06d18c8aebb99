using System.Runtime.CompilerServices;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Graph;
using Toolkit.SyntheticProjects.MsBuild;

namespace Toolkit.SyntheticProjects.Tests.MsBuild;

/// <summary>
/// ProjectGraph built the plain way (its own default factory, a fresh collection, the importer's
/// documented global properties written out here), counted independently of the importer: what
/// the importer's figures must equal on a tree where nothing fails.
/// </summary>
public static class IndependentGraph
{
    public static GraphFigures Of(string entryProject)
    {
        MsBuildRegistration.EnsureRegistered();
        return Count(entryProject);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static GraphFigures Count(string entryProject)
    {
        var globals = new Dictionary<string, string>
        {
            ["DesignTimeBuild"] = "true",
            ["SkipCompilerExecution"] = "true",
            ["BuildProjectReferences"] = "false",
            ["ExcludeRestorePackageImports"] = "true",
        };
        using var collection = new ProjectCollection(globals);
        var graph = new ProjectGraph(new ProjectGraphEntryPoint(entryProject, globals), collection);
        var direct = 0;
        var edges = 0;
        var compile = 0;
        var outer = 0;
        var fileEdges = new HashSet<(string, string)>();
        foreach (var node in graph.ProjectNodes)
        {
            var instance = node.ProjectInstance;
            var isOuter = instance.GetPropertyValue("TargetFramework").Length == 0 && instance.GetPropertyValue("TargetFrameworks").Length > 0;
            outer += isOuter ? 1 : 0;
            compile += isOuter ? 0 : instance.GetItems("Compile").Select(i => i.GetMetadataValue("FullPath")).Distinct(StringComparer.Ordinal).Count();
            var named = instance.GetItems("ProjectReference").Select(i => i.GetMetadataValue("FullPath")).ToHashSet(StringComparer.Ordinal);
            edges += node.ProjectReferences.Count;
            fileEdges.UnionWith(node.ProjectReferences.Where(r => r.ProjectInstance.FullPath != instance.FullPath).Select(r => (instance.FullPath, r.ProjectInstance.FullPath)));
            direct += node.ProjectReferences.Count(r => isOuter || named.Contains(r.ProjectInstance.FullPath));
        }

        return new GraphFigures(
            graph.ProjectNodes.Count,
            outer,
            graph.ProjectNodes.Select(n => n.ProjectInstance.FullPath).Distinct(StringComparer.Ordinal).Count(),
            direct,
            edges - direct,
            fileEdges.Count,
            compile,
            FailedProjects: 0);
    }
}
