namespace Toolkit.Engine.Graph;

/// <summary>
/// The seam between the engine and the memory layout of its graph. The engine addresses
/// nodes and executors only by dense integer ids (0..Count-1, in the order they were added),
/// so a variant may keep one object per node, parallel arrays, or anything else.
/// Special values: node id -1 = none (no directory, not found); executor id -1 = no builder.
/// Loading happens first (<see cref="AddNode"/>, <see cref="AddEdge"/>, <see cref="AddExecutor"/>),
/// then <see cref="CompleteLoad"/>; after it, edges of kind <see cref="EdgeKind.Implicit"/> may still
/// be set once per node by <see cref="SetImplicitEdges"/> (the scanner runs during the build), and the
/// per-node state and info change as the build runs.
/// Implementations must allow concurrent calls for different nodes during the build
/// (SetState, SetInfo, SetBuildInfo, SetImplicitEdges); loading is single-threaded.
/// </summary>
public interface INodeStore
{
    /// <summary>The variant name this store implements ("baseline", "slots", ...).</summary>
    string VariantName { get; }

    /// <summary>Number of nodes.</summary>
    int Count { get; }

    /// <summary>Number of executors (build statements).</summary>
    int ExecutorCount { get; }

    /// <summary>
    /// Adds a node. <paramref name="path"/> is project-relative with '/' separators (for aliases: the
    /// alias name); <paramref name="directory"/> is the id of the directory node holding it, or -1.
    /// Returns its id. Adding a path twice is the caller's error (see <see cref="FindNode"/>).
    /// </summary>
    int AddNode(string path, NodeKind kind, int directory);

    /// <summary>
    /// Changes a node's kind during loading: a path first met as a dependency is added as a source
    /// and becomes derived when its build statement is read later.
    /// </summary>
    void SetKind(int node, NodeKind kind);

    /// <summary>The id of the node with this path, or -1.</summary>
    int FindNode(string path);

    /// <summary>The node's path (for directories, without a trailing '/'; the root is ".").</summary>
    string GetPath(int node);

    /// <summary>The node's kind.</summary>
    NodeKind GetKind(int node);

    /// <summary>The directory node holding this node, or -1 for the root.</summary>
    int GetDirectory(int node);

    /// <summary>Appends an edge during loading: <paramref name="node"/> depends on <paramref name="dependency"/>.</summary>
    void AddEdge(int node, EdgeKind kind, int dependency);

    /// <summary>Adds an executor (one build statement) and points each target at it. Returns its id.</summary>
    int AddExecutor(BuilderKind builder, int environment, ReadOnlySpan<int> targets);

    /// <summary>Ends loading: a store may compact what it built up. Further AddNode/AddEdge/AddExecutor calls are errors.</summary>
    void CompleteLoad();

    /// <summary>Number of edges of a kind.</summary>
    int EdgeCount(int node, EdgeKind kind);

    /// <summary>Copies the edges of a kind, in order, into <paramref name="destination"/>; returns how many.</summary>
    int CopyEdges(int node, EdgeKind kind, Span<int> destination);

    /// <summary>Sets the scanned (implicit) dependencies of a node; at most once per node per build.</summary>
    void SetImplicitEdges(int node, ReadOnlySpan<int> dependencies);

    /// <summary>The executor building this node, or -1.</summary>
    int GetExecutor(int node);

    /// <summary>The builder of an executor.</summary>
    BuilderKind GetBuilder(int executor);

    /// <summary>The environment id of an executor (0 = the global environment).</summary>
    int GetEnvironment(int executor);

    /// <summary>Number of targets of an executor.</summary>
    int TargetCount(int executor);

    /// <summary>Copies the targets of an executor into <paramref name="destination"/>; returns how many.</summary>
    int CopyTargets(int executor, Span<int> destination);

    /// <summary>The node's state in the current build.</summary>
    NodeState GetState(int node);

    /// <summary>Sets the node's state.</summary>
    void SetState(int node, NodeState state);

    /// <summary>What is known about the node now, in this build.</summary>
    NodeInfo GetInfo(int node);

    /// <summary>Records what is known about the node now.</summary>
    void SetInfo(int node, NodeInfo info);

    /// <summary>What the signature database said about the node from the previous build.</summary>
    NodeInfo GetStoredInfo(int node);

    /// <summary>Records what the signature database said.</summary>
    void SetStoredInfo(int node, NodeInfo info);

    /// <summary>Build info of this run, or null when not built or released.</summary>
    BuildInfo? GetBuildInfo(int node);

    /// <summary>Records build info after the node's action ran.</summary>
    void SetBuildInfo(int node, BuildInfo info);

    /// <summary>Called when a node and all that depend on it in this build are done; a store may drop build-time data.</summary>
    void ReleaseTargetInfo(int node);
}
