using System.Runtime.CompilerServices;
using Microsoft.Build.Execution;
using Microsoft.Build.Graph;

namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>
/// Evaluates the entry projects and everything they reference. First a ProjectGraph pass, which
/// evaluates in parallel but stops at the first project that fails; then a walk over the
/// ProjectReference items from the entry projects, which takes what the graph already evaluated
/// from the evaluator's cache and evaluates the rest one by one, so one broken project costs
/// itself only. Uses MSBuild types: call only after <see cref="MsBuildRegistration.EnsureRegistered"/>.
/// </summary>
internal static class ProjectLoader
{
    // Never inlined into a caller compiled before MSBuild is registered: its MSBuild types would load too early.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static ProjectLoadResult Load(IReadOnlyList<string> entryProjects, TimeSpan evaluationTimeout, IProgress<string>? progress)
    {
        using var evaluator = new ProjectEvaluator(evaluationTimeout);
        TryGraph(entryProjects, evaluator, progress);
        return Walk(entryProjects, evaluator, progress);
    }

    private static void TryGraph(IReadOnlyList<string> entryProjects, ProjectEvaluator evaluator, IProgress<string>? progress)
    {
        var existing = entryProjects.Where(File.Exists).ToList();
        if (existing.Count == 0)
        {
            return;
        }

        try
        {
            var entryPoints = existing.Select(path => new ProjectGraphEntryPoint(path, ProjectEvaluator.BaseGlobalProperties("")));
            var graph = new ProjectGraph(entryPoints, evaluator.Collection, evaluator.CreateForGraph, Environment.ProcessorCount, CancellationToken.None);
            progress?.Report($"project graph: {graph.ProjectNodes.Count} nodes evaluated");
        }
        catch (Exception ex)
        {
            // The graph stops at the first failure; the walk below finds and names every one.
            progress?.Report($"project graph stopped ({ex.GetType().Name}); evaluating the remaining projects one by one");
        }
    }

    private static ProjectLoadResult Walk(IReadOnlyList<string> entryProjects, ProjectEvaluator evaluator, IProgress<string>? progress)
    {
        var projects = new List<ImportedProject>();
        var failures = new List<MsBuildImportFailure>();
        var seen = new HashSet<string>(ManifestPaths.Comparer);
        var pending = new Queue<string>();
        foreach (var entry in entryProjects)
        {
            if (seen.Add(entry))
            {
                pending.Enqueue(entry);
            }
        }

        while (pending.Count > 0)
        {
            var path = pending.Dequeue();
            if (!File.Exists(path))
            {
                failures.Add(new MsBuildImportFailure(path, "the project file does not exist"));
                continue;
            }

            var project = Import(path, evaluator, failures);
            if (project is null)
            {
                continue;
            }

            projects.Add(project);
            progress?.Report($"evaluated {path}");
            foreach (var reference in project.References)
            {
                if (seen.Add(reference))
                {
                    pending.Enqueue(reference);
                }
            }
        }

        return new ProjectLoadResult(projects, failures);
    }

    private static ImportedProject? Import(string path, ProjectEvaluator evaluator, List<MsBuildImportFailure> failures)
    {
        var outcome = evaluator.Evaluate(path, "");
        if (outcome.Instance is null)
        {
            failures.Add(new MsBuildImportFailure(path, outcome.Error ?? "evaluation failed"));
            return null;
        }

        var instance = outcome.Instance;
        var frameworks = "";
        if (instance.GetPropertyValue(ProjectEvaluator.TargetFrameworkProperty).Length == 0)
        {
            frameworks = instance.GetPropertyValue("TargetFrameworks").Trim();
            var first = frameworks.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            if (first is not null)
            {
                // Multi-targeted: one deterministic choice, the first framework listed.
                var inner = evaluator.Evaluate(path, first);
                if (inner.Instance is null)
                {
                    failures.Add(new MsBuildImportFailure(path, $"evaluation for {first} (the first of TargetFrameworks '{frameworks}') failed: {inner.Error}"));
                    return null;
                }

                instance = inner.Instance;
            }
        }

        var targetPath = instance.GetPropertyValue("TargetPath");
        if (targetPath.Length == 0)
        {
            failures.Add(new MsBuildImportFailure(path, "the project defines no TargetPath (not a project that builds an assembly?)"));
            return null;
        }

        return new ImportedProject(
            path,
            Path.GetFullPath(targetPath),
            instance.GetPropertyValue(ProjectEvaluator.TargetFrameworkProperty),
            frameworks,
            FullPaths(instance, "Compile"),
            References(path, instance, failures));
    }

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

    private static List<string> References(string path, ProjectInstance instance, List<MsBuildImportFailure> failures)
    {
        var references = new List<string>();
        var seen = new HashSet<string>(ManifestPaths.Comparer);
        foreach (var item in instance.GetItems("ProjectReference"))
        {
            var fullPath = Path.GetFullPath(item.GetMetadataValue("FullPath"));
            if (!File.Exists(fullPath))
            {
                failures.Add(new MsBuildImportFailure(path, $"ProjectReference '{item.EvaluatedInclude}' names {fullPath}, which does not exist; imported without it"));
            }
            else if (seen.Add(fullPath))
            {
                references.Add(fullPath);
            }
        }

        return references;
    }
}
