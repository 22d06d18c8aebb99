using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Scanning;

namespace Toolkit.Engine.Build;

/// <summary>
/// Finds the implicit dependencies of every object: scans its source with the include scanner
/// (in parallel; the scanner is thread-safe and caches per file) using the CPPPATH of the object's
/// environment, adds a header node for each header found, and records the headers as the object's
/// implicit dependencies. Runs as part of loading, before the store is completed.
/// </summary>
public static class ScanPhase
{
    /// <summary>
    /// Objects scanned per batch: the string results of one batch are held until they are mapped to
    /// node ids, so the batch bounds that transient memory while staying large enough to keep both
    /// cores busy.
    /// </summary>
    private const int BatchSize = 8192;

    /// <summary>Scans every Object target; returns how many sources were scanned.</summary>
    public static int Run(BuildGraph graph, CIncludeScanner scanner, IFileSystem fileSystem, IProgress<int>? progress = null)
    {
        var store = graph.Store;
        var objects = new List<(int Target, int Executor)>();
        for (var node = 0; node < store.Count; node++)
        {
            var executor = store.GetExecutor(node);
            if (executor >= 0 && store.GetBuilder(executor) == BuilderKind.Object && store.EdgeCount(node, EdgeKind.Sources) > 0)
            {
                objects.Add((node, executor));
            }
        }

        var searchPaths = new Dictionary<int, IReadOnlyList<string>>();
        var results = new IReadOnlyList<string>[Math.Min(BatchSize, objects.Count)];
        var sources = new string[results.Length];
        var cppPaths = new IReadOnlyList<string>[results.Length];
        var ids = new List<int>();
        var source = new int[1];
        for (var start = 0; start < objects.Count; start += BatchSize)
        {
            var count = Math.Min(BatchSize, objects.Count - start);
            for (var i = 0; i < count; i++)
            {
                var (target, executor) = objects[start + i];
                var environment = store.GetEnvironment(executor);
                if (!searchPaths.TryGetValue(environment, out var cppPath))
                {
                    cppPath = graph.Environments[environment].GetList("CPPPATH");
                    searchPaths.Add(environment, cppPath);
                }

                store.CopyEdges(target, EdgeKind.Sources, source);
                sources[i] = store.GetPath(source[0]);
                cppPaths[i] = cppPath;
            }

            Parallel.For(0, count, i => results[i] = fileSystem.Stat(sources[i]).Exists ? scanner.ScanTransitive(sources[i], cppPaths[i]) : []);
            for (var i = 0; i < count; i++)
            {
                ids.Clear();
                foreach (var header in results[i])
                {
                    ids.Add(graph.GetOrAddFile(header, NodeKind.Header));
                }

                var (target, executor) = objects[start + i];
                var targets = new int[store.TargetCount(executor)];
                store.CopyTargets(executor, targets);
                foreach (var each in targets)
                {
                    store.SetImplicitEdges(each, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids));
                }

                results[i] = [];
            }

            progress?.Report(start + count);
        }

        return objects.Count;
    }
}
