using Toolkit.Engine.Environments;
using Toolkit.Engine.Graph.Stores;
using Toolkit.Engine.Manifest;

namespace Toolkit.Engine.Graph;

/// <summary>
/// The one owner of a loaded project: its node store (nodes, edges, executors, per-node state),
/// its construction environments, its default targets and where it lives on disk.
/// Ids are dense: nodes 0..Store.Count-1, executors 0..Store.ExecutorCount-1, environments
/// 0..Environments.Count-1 (0 = the global environment).
/// </summary>
public sealed class BuildGraph
{
    /// <summary>Creates a graph over a store.</summary>
    public BuildGraph(NodeStore store, EnvironmentTable environments, string rootDirectory, string manifestPath)
    {
        Store = store;
        Environments = environments;
        RootDirectory = rootDirectory;
        ManifestPath = manifestPath;
        Lines = new ManifestLines(manifestPath);
    }

    /// <summary>The nodes and executors.</summary>
    public NodeStore Store { get; }

    /// <summary>The construction environments (0 = global).</summary>
    public EnvironmentTable Environments { get; }

    /// <summary>Absolute directory that node paths are relative to.</summary>
    public string RootDirectory { get; }

    /// <summary>The manifest the graph was read from.</summary>
    public string ManifestPath { get; }

    /// <summary>The node id of the root directory ("."), or -1 before it is added.</summary>
    public int RootNode { get; internal set; } = -1;

    /// <summary>Targets built when none is named (all targets when the manifest has no <c>default</c>).</summary>
    public List<int> DefaultTargets { get; } = [];

    /// <summary>The manifest line of each build statement (set by the loader), for errors found after loading.</summary>
    public ManifestLines Lines { get; }

    /// <summary>True when the manifest asks for the real compiler (<c>TOOLKIT_TOOLS = real</c>).</summary>
    public bool PrefersRealTools { get; internal set; }

    /// <summary>Number of edges of every kind over all nodes.</summary>
    public long CountEdges()
    {
        long total = 0;
        for (var node = 0; node < Store.Count; node++)
        {
            foreach (var kind in EdgeKinds.All)
            {
                total += Store.EdgeCount(node, kind);
            }
        }

        return total;
    }

    /// <summary>The edges of a node as a new array (convenience for tools and tests; the engine uses spans).</summary>
    public int[] GetEdges(int node, EdgeKind kind)
    {
        var result = new int[Store.EdgeCount(node, kind)];
        Store.CopyEdges(node, kind, result);
        return result;
    }

    /// <summary>
    /// The node for a file path, added (with its directory chain) when absent.
    /// The kind of a new node is guessed from the suffix until a build statement says otherwise.
    /// </summary>
    public int GetOrAddFile(string path, NodeKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var existing = Store.FindNode(path);
        if (existing >= 0)
        {
            return existing;
        }

        var directory = GetOrAddDirectory(DirectoryOf(path.AsSpan()));
        return Store.AddNode(path, kind ?? GuessKind(path), directory);
    }

    /// <summary>As <see cref="GetOrAddFile(string, NodeKind?)"/> for a path that is not a string (a manifest token): no string is made unless the store keeps one.</summary>
    public int GetOrAddFile(ReadOnlySpan<char> path, NodeKind? kind = null)
    {
        var existing = Store.FindNode(path);
        if (existing >= 0)
        {
            return existing;
        }

        var directory = GetOrAddDirectory(DirectoryOf(path));
        return Store.AddNode(path, kind ?? GuessKind(path), directory);
    }

    /// <summary>The directory node for a path ("." for the root), added with its parents when absent.</summary>
    public int GetOrAddDirectory(string path) => GetOrAddDirectory(path.AsSpan());

    /// <summary>The directory node for a path ("." for the root), added with its parents when absent.</summary>
    public int GetOrAddDirectory(ReadOnlySpan<char> path)
    {
        var existing = Store.FindNode(path);
        if (existing >= 0)
        {
            return existing;
        }

        if (path is ".")
        {
            RootNode = Store.AddNode(".", NodeKind.Directory, -1);
            return RootNode;
        }

        var parent = GetOrAddDirectory(DirectoryOf(path));
        return Store.AddNode(path, NodeKind.Directory, parent);
    }

    /// <summary>The directory part of a relative path ("." when there is none).</summary>
    public static string DirectoryOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "." : path[..slash];
    }

    /// <summary>The directory part of a relative path ("." when there is none), as a slice of it.</summary>
    public static ReadOnlySpan<char> DirectoryOf(ReadOnlySpan<char> path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "." : path[..slash];
    }

    /// <summary>The kind a file's suffix suggests.</summary>
    public static NodeKind GuessKind(string path) => GuessKind(path.AsSpan());

    /// <summary>The kind a file's suffix suggests.</summary>
    public static NodeKind GuessKind(ReadOnlySpan<char> path)
    {
        var dot = path.LastIndexOf('.');
        var suffix = dot < 0 || dot < path.LastIndexOf('/') ? [] : path[(dot + 1)..];
        return suffix switch
        {
            "h" or "hh" or "hpp" or "hxx" or "inc" => NodeKind.Header,
            _ => NodeKind.SourceFile,
        };
    }
}
