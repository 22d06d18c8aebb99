using System.Runtime.CompilerServices;
using Microsoft.Build.Exceptions;
using Microsoft.Build.Execution;
using Microsoft.Build.Graph;

namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>
/// Builds the static graph of the entry projects with MSBuild's own ProjectGraph, so the nodes (one
/// per project and framework, plus outer builds) and the edges (direct, transitive, outer to inner,
/// referencing node to inner builds) are ProjectGraph's by construction. Evaluations go through a
/// time-limited, failure-isolating <see cref="ProjectEvaluator"/>; a project that fails becomes an
/// empty stub (<see cref="StubProjects"/>), so one broken project costs itself only. A
/// ProjectReference cycle is refused, naming it (MSB4251). Uses MSBuild types: call only after
/// <see cref="MsBuildRegistration.EnsureRegistered"/>.
/// </summary>
internal static class StaticGraphLoader
{
    private const string InnerBuildPropertyName = "InnerBuildProperty";
    private const string InnerBuildPropertyValuesName = "InnerBuildPropertyValues";

    // ProjectGraph sets it on every node it evaluates: it tells no two nodes apart.
    private const string GraphBuildProperty = "IsGraphBuild";

    // Never inlined into a caller compiled before MSBuild is registered: its MSBuild types would load too early.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static ImportedGraph Load(IReadOnlyList<string> entryProjects, TimeSpan evaluationTimeout, IProgress<string>? progress)
    {
        using var evaluator = new ProjectEvaluator(evaluationTimeout);
        using var stubs = new StubProjects();
        ProjectInstance Factory(string path, Dictionary<string, string>? globalProperties, Microsoft.Build.Evaluation.ProjectCollection collection)
        {
            var properties = globalProperties ?? ProjectEvaluator.BaseGlobalProperties();
            var fullPath = Path.GetFullPath(path);
            var outcome = evaluator.Evaluate(fullPath, properties);
            if (outcome.Instance is not null)
            {
                progress?.Report($"evaluated {fullPath}");
                return outcome.Instance;
            }

            return stubs.Create(fullPath, properties, outcome.Error ?? "evaluation failed");
        }

        ProjectGraph graph;
        try
        {
            var entryPoints = entryProjects.Select(path => new ProjectGraphEntryPoint(path, ProjectEvaluator.BaseGlobalProperties()));
            graph = new ProjectGraph(entryPoints, evaluator.Collection, Factory!, Environment.ProcessorCount, CancellationToken.None);
        }
        catch (Exception exception) when (Unwrap(exception) is CircularDependencyException cycle)
        {
            throw new MsBuildImportException($"ProjectReference cycle, refused as ProjectGraph refuses it: {ProjectEvaluator.OneLine(cycle.Message)}", cycle);
        }
        catch (Exception exception) when (Unwrap(exception) is InvalidOperationException or InvalidProjectFileException or ArgumentException)
        {
            throw new MsBuildImportException($"ProjectGraph could not build the static graph: {ProjectEvaluator.OneLine(Unwrap(exception).Message)}", exception);
        }

        progress?.Report($"project graph: {graph.ProjectNodes.Count} nodes ({evaluator.RetriedAndSucceeded} evaluations failed in the shared context and succeeded alone)");
        return Reduce(graph, stubs, entryProjects);
    }

    private static Exception Unwrap(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: > 0 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : exception;

    private static ImportedGraph Reduce(ProjectGraph graph, StubProjects stubs, IReadOnlyList<string> entryProjects)
    {
        var described = graph.ProjectNodes
            .Select(node => (Node: node, Kind: KindOf(node.ProjectInstance), Extra: ExtraGlobalProperties(node.ProjectInstance)))
            .OrderBy(n => n.Node.ProjectInstance.FullPath, StringComparer.Ordinal)
            .ThenBy(n => n.Kind == ImportedNodeKind.Outer ? 0 : 1)
            .ThenBy(n => n.Node.ProjectInstance.GetPropertyValue(ProjectEvaluator.TargetFrameworkProperty), StringComparer.Ordinal)
            .ThenBy(n => n.Extra, StringComparer.Ordinal)
            .ToList();
        var index = new Dictionary<ProjectGraphNode, int>(described.Count);
        for (var i = 0; i < described.Count; i++)
        {
            index.Add(described[i].Node, i);
        }

        var nodes = new List<ImportedNode>(described.Count);
        foreach (var (node, kind, extra) in described)
        {
            nodes.Add(Describe(node, kind, extra, stubs.ReasonFor(node.ProjectInstance), index));
        }

        return new ImportedGraph(nodes, entryProjects);
    }

    private static ImportedNode Describe(ProjectGraphNode node, ImportedNodeKind kind, string extra, string? failure, Dictionary<ProjectGraphNode, int> index)
    {
        var instance = node.ProjectInstance;
        var directPaths = instance.GetItems("ProjectReference")
            .Select(item => Path.GetFullPath(item.GetMetadataValue("FullPath")))
            .ToHashSet(ManifestPaths.Comparer);
        var references = node.ProjectReferences
            .Select(reference => new ImportedEdge(index[reference], kind == ImportedNodeKind.Outer || directPaths.Contains(reference.ProjectInstance.FullPath)))
            .OrderBy(edge => edge.Target)
            .ToList();
        var targetPath = kind == ImportedNodeKind.Outer ? "" : instance.GetPropertyValue("TargetPath");
        return new ImportedNode
        {
            ProjectPath = instance.FullPath,
            Kind = kind,
            TargetFramework = kind == ImportedNodeKind.Outer ? "" : instance.GetPropertyValue(ProjectEvaluator.TargetFrameworkProperty),
            TargetFrameworkMoniker = instance.GetPropertyValue("TargetFrameworkMoniker"),
            TargetPlatformMoniker = instance.GetPropertyValue("TargetPlatformMoniker"),
            TargetPath = targetPath.Length == 0 ? "" : Path.GetFullPath(targetPath, Path.GetDirectoryName(instance.FullPath)!),
            ExtraGlobalProperties = extra,
            CompileItems = kind == ImportedNodeKind.Outer ? [] : FullPaths(instance, "Compile"),
            References = references,
            Failure = failure,
        };
    }

    /// <summary>As ProjectGraph's ProjectInterpretation.GetProjectType: the inner-build property set means inner, its values set without it means outer.</summary>
    private static ImportedNodeKind KindOf(ProjectInstance instance)
    {
        var innerName = instance.GetPropertyValue(InnerBuildPropertyName);
        var innerValue = innerName.Length == 0 ? "" : instance.GetPropertyValue(innerName);
        var valuesName = instance.GetPropertyValue(InnerBuildPropertyValuesName);
        var values = valuesName.Length == 0 ? "" : instance.GetPropertyValue(valuesName);
        if (!string.IsNullOrWhiteSpace(innerValue))
        {
            return ImportedNodeKind.Inner;
        }

        return string.IsNullOrWhiteSpace(values) ? ImportedNodeKind.Single : ImportedNodeKind.Outer;
    }

    private static string ExtraGlobalProperties(ProjectInstance instance) =>
        string.Join(';', instance.GlobalProperties
            .Where(p => !ProjectEvaluator.IsOwnProperty(p.Key) && !p.Key.Equals(ProjectEvaluator.TargetFrameworkProperty, StringComparison.OrdinalIgnoreCase) && !p.Key.Equals(GraphBuildProperty, StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .Select(p => $"{p.Key}={p.Value}"));

    private static List<string> FullPaths(ProjectInstance instance, string itemType)
    {
        var paths = new List<string>();
        var seen = new HashSet<string>(ManifestPaths.Comparer);
        foreach (var item in instance.GetItems(itemType))
        {
            var fullPath = Path.GetFullPath(item.GetMetadataValue("FullPath"));
            if (seen.Add(fullPath))
            {
                paths.Add(fullPath);
            }
        }

        return paths;
    }
}
