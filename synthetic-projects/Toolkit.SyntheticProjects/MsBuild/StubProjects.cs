using System.Collections.Concurrent;
using Microsoft.Build.Construction;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Execution;

namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>
/// Empty stand-ins for projects that failed to evaluate, so ProjectGraph (which stops at the first
/// exception its factory throws) still builds the graph of everything else: a stub has the failed
/// project's path and global properties, no items and no properties, so ProjectGraph sees a
/// non-multitargeting leaf. Stubs live in their own ProjectCollection: an empty project root element
/// registered under a real path in the evaluations' collection would replace the real file for
/// every later evaluation of it.
/// </summary>
internal sealed class StubProjects : IDisposable
{
    private readonly ProjectCollection _collection = new();
    private readonly ConcurrentDictionary<string, ProjectRootElement> _roots = new(ManifestPaths.Comparer);
    private readonly ConcurrentDictionary<ProjectInstance, string> _reasons = new(ReferenceEqualityComparer.Instance);
    private readonly Lock _gate = new();

    /// <summary>A stub for a project that failed, remembered with its reason.</summary>
    public ProjectInstance Create(string projectPath, IDictionary<string, string> globalProperties, string reason)
    {
        ProjectRootElement root;
        lock (_gate)
        {
            root = _roots.GetOrAdd(projectPath, path =>
            {
                var element = ProjectRootElement.Create(_collection);
                element.FullPath = path;
                return element;
            });
        }

        var instance = new ProjectInstance(root, new Dictionary<string, string>(globalProperties, StringComparer.OrdinalIgnoreCase), null, _collection);
        _reasons[instance] = reason;
        return instance;
    }

    /// <summary>The failure a stub stands for, or null for a real evaluation.</summary>
    public string? ReasonFor(ProjectInstance instance) => _reasons.TryGetValue(instance, out var reason) ? reason : null;

    /// <inheritdoc />
    public void Dispose() => _collection.Dispose();
}
