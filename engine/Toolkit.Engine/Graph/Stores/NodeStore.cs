namespace Toolkit.Engine.Graph.Stores;

/// <summary>
/// The seam between the engine and the memory layout of its graph: the one abstract type every node
/// store derives from (as every frozen dictionary derives from FrozenDictionary), with one sealed class
/// per strategy. The engine reaches per-node data only through it, by dense integer ids, so a store may
/// keep one object per node (<see cref="ObjectNodeStore{TNode, TExecutor}"/>: the baseline, slots,
/// interning, lazy-init, weak-references), parallel arrays (struct-of-arrays), or anything else.
/// A store knows nothing of the variant that chose it: names, summaries and pages live on the variant.
/// <para>
/// <b>Ids and special values.</b> Nodes are 0..<see cref="Count"/>-1 and executors (build statements)
/// 0..<see cref="ExecutorCount"/>-1, in the order they were added; node id -1 = none (no directory, not
/// found), executor id -1 = no builder (a source, header, directory or alias); environment 0 = the global
/// environment. Paths are project-relative with '/' separators; a directory's path has no trailing '/';
/// the root directory is "." and its directory is -1; an alias's path is its name (it may contain '/').
/// <see cref="GetInfo"/> and <see cref="GetStoredInfo"/> answer <see cref="NodeInfo.None"/> when nothing
/// is known; <see cref="GetBuildInfo"/> answers null when the node was not built in this run or its build
/// info was released (a store may release it in <see cref="ReleaseTargetInfo"/>; it may never answer one
/// the build did not record). A store may keep one info slot per node: once <see cref="SetInfo"/> ran for a
/// node in this build, <see cref="GetStoredInfo"/> may answer the new info (the decider reads a node's
/// stored info before it sets the node's info, and the database is written from the current infos).
/// </para>
/// <para>
/// <b>Load, then build.</b> Loading (single-threaded, in this order): <see cref="AddNode(string, NodeKind, int)"/>,
/// <see cref="SetKind"/>, <see cref="AddEdge"/> and <see cref="AddExecutor"/> while the manifest is read;
/// <see cref="SetImplicitEdges"/> (and <see cref="AddNode(string, NodeKind, int)"/> for headers found) while sources are scanned;
/// then <see cref="CompleteLoad"/>, after which nothing may be added (a store may compact what it built
/// up); then <see cref="SetStoredInfo"/> for each node the signature database knows. Building: every
/// query, and <see cref="SetState"/>, <see cref="SetInfo"/>, <see cref="SetBuildInfo"/>,
/// <see cref="ReleaseTargetInfo"/> and <see cref="SetImplicitEdges"/> (at most once per node per build).
/// </para>
/// <para>
/// <b>Concurrency.</b> During a build the scheduler's workers call a store concurrently, each for
/// different nodes: reads may run alongside writes to other nodes, and no two writes to one node race.
/// A store needs no lock for that if each node's mutable data is its own (a field, an array slot).
/// </para>
/// <para>
/// An abstract class rather than an interface, as the Frozen collections are: one type that every
/// strategy derives from, holding the one rule they all share (nothing is added after
/// <see cref="CompleteLoad"/>), with virtual calls through a fixed vtable slot instead of interface
/// dispatch. Measured against the interface it replaced, a walk over every edge and state of a loaded
/// graph is as fast for every variant (A/B in one process, docs/architecture.md). Costs one bool per store.
/// A new variant (a memory-mapped graph, say) derives from this class, or from
/// <see cref="ObjectNodeStore{TNode, TExecutor}"/> when it keeps one object per node, and is listed in
/// the variants' factory.
/// </para>
/// </summary>
public abstract class NodeStore
{
    /// <summary>True once <see cref="CompleteLoad"/> ran.</summary>
    public bool IsLoaded { get; private set; }

    /// <summary>Number of nodes.</summary>
    public abstract int Count { get; }

    /// <summary>Number of executors (build statements).</summary>
    public abstract int ExecutorCount { get; }

    /// <summary>
    /// Adds a node while loading. <paramref name="path"/> is project-relative with '/' separators (for
    /// aliases: the alias name); <paramref name="directory"/> is the id of the directory node holding it,
    /// or -1. Returns its id. Adding a path twice is the caller's error (see <see cref="FindNode(string)"/>).
    /// </summary>
    public abstract int AddNode(string path, NodeKind kind, int directory);

    /// <summary>
    /// <see cref="AddNode(string, NodeKind, int)"/> for a path that is not a string yet. The default makes
    /// the string (which a store keeping path strings keeps); a store that keeps paths otherwise overrides it.
    /// </summary>
    public virtual int AddNode(ReadOnlySpan<char> path, NodeKind kind, int directory) => AddNode(path.ToString(), kind, directory);

    /// <summary>
    /// Changes a node's kind while loading: a path first met as a dependency is added as a source and
    /// becomes derived when its build statement is read later.
    /// </summary>
    public abstract void SetKind(int node, NodeKind kind);

    /// <summary>The id of the node with this path, or -1.</summary>
    public abstract int FindNode(string path);

    /// <summary>
    /// The id of the node with this path, or -1, for a path that is not a string (a manifest token, a
    /// database entry). The default makes the string; a store that can look a span up overrides it, so
    /// loading allocates nothing per lookup.
    /// </summary>
    public virtual int FindNode(ReadOnlySpan<char> path) => FindNode(path.ToString());

    /// <summary>The node's path (for directories, without a trailing '/'; the root is ".").</summary>
    public abstract string GetPath(int node);

    /// <summary>
    /// The node's path as UTF-8 in <paramref name="destination"/>: the byte count, or, when it does not fit, the
    /// count needed negated (nothing written). The default encodes <see cref="GetPath"/> (free for a store that
    /// keeps path strings); a store keeping paths as bytes overrides it, so saving the database makes no string per node.
    /// </summary>
    public virtual int CopyPathUtf8(int node, Span<byte> destination)
    {
        var path = GetPath(node);
        var count = System.Text.Encoding.UTF8.GetByteCount(path);
        return count > destination.Length ? -count : System.Text.Encoding.UTF8.GetBytes(path, destination);
    }

    /// <summary>
    /// The node's path as UTF-8 in <paramref name="buffer"/>, which is replaced by a larger one when the path does not fit
    /// (the first at least <see cref="PathBufferBytes"/>): one buffer for a loop over many nodes, no array per node.
    /// The span is valid until the buffer is used again.
    /// </summary>
    public ReadOnlySpan<byte> PathUtf8(int node, ref byte[] buffer)
    {
        var length = CopyPathUtf8(node, buffer);
        if (length < 0)
        {
            buffer = new byte[Math.Max(-length, PathBufferBytes)];
            length = CopyPathUtf8(node, buffer);
        }

        return buffer.AsSpan(0, length);
    }

    /// <summary>The smallest buffer <see cref="PathUtf8"/> makes: longer than most paths, so a loop grows it rarely.</summary>
    public const int PathBufferBytes = 256;

    /// <summary>The node's kind.</summary>
    public abstract NodeKind GetKind(int node);

    /// <summary>The directory node holding this node, or -1 for the root.</summary>
    public abstract int GetDirectory(int node);

    /// <summary>Appends an edge while loading: <paramref name="node"/> depends on <paramref name="dependency"/>.</summary>
    public abstract void AddEdge(int node, EdgeKind kind, int dependency);

    /// <summary>Adds an executor (one build statement) while loading and points each target at it. Returns its id.</summary>
    public abstract int AddExecutor(BuilderKind builder, int environment, ReadOnlySpan<int> targets);

    /// <summary>
    /// Ends loading (a second call does nothing): the store may compact what it built up
    /// (<see cref="OnCompleteLoad"/>); further AddNode/SetKind/AddEdge/AddExecutor calls are errors.
    /// </summary>
    public void CompleteLoad()
    {
        if (IsLoaded)
        {
            return;
        }

        OnCompleteLoad();
        IsLoaded = true;
    }

    /// <summary>Number of edges of a kind.</summary>
    public abstract int EdgeCount(int node, EdgeKind kind);

    /// <summary>Copies the edges of a kind, in order, into <paramref name="destination"/>; returns how many.</summary>
    public abstract int CopyEdges(int node, EdgeKind kind, Span<int> destination);

    /// <summary>Sets the scanned (implicit) dependencies of a node, replacing any; at most once per node per build.</summary>
    public abstract void SetImplicitEdges(int node, ReadOnlySpan<int> dependencies);

    /// <summary>The executor building this node, or -1.</summary>
    public abstract int GetExecutor(int node);

    /// <summary>The builder of an executor.</summary>
    public abstract BuilderKind GetBuilder(int executor);

    /// <summary>The environment id of an executor (0 = the global environment).</summary>
    public abstract int GetEnvironment(int executor);

    /// <summary>Number of targets of an executor.</summary>
    public abstract int TargetCount(int executor);

    /// <summary>Copies the targets of an executor, first target first, into <paramref name="destination"/>; returns how many.</summary>
    public abstract int CopyTargets(int executor, Span<int> destination);

    /// <summary>The node's state in the current build.</summary>
    public abstract NodeState GetState(int node);

    /// <summary>Sets the node's state.</summary>
    public abstract void SetState(int node, NodeState state);

    /// <summary>What is known about the node now, in this build (<see cref="NodeInfo.None"/> when nothing).</summary>
    public abstract NodeInfo GetInfo(int node);

    /// <summary>Records what is known about the node now.</summary>
    public abstract void SetInfo(int node, NodeInfo info);

    /// <summary>What the signature database said about the node from the previous build (<see cref="NodeInfo.None"/> when nothing).</summary>
    public abstract NodeInfo GetStoredInfo(int node);

    /// <summary>Records what the signature database said (after <see cref="CompleteLoad"/>, before the build).</summary>
    public abstract void SetStoredInfo(int node, NodeInfo info);

    /// <summary>Build info of this run, or null when not built or released.</summary>
    public abstract BuildInfo? GetBuildInfo(int node);

    /// <summary>Records build info after the node's action ran.</summary>
    public abstract void SetBuildInfo(int node, BuildInfo info);

    /// <summary>
    /// Called when a node (for a statement: its first target) and its build are done; a store may drop
    /// build-time data, such as the build info. The default keeps everything, as the baseline does.
    /// </summary>
    public virtual void ReleaseTargetInfo(int node)
    {
    }

    /// <summary>Compacts what loading built up; called once, by <see cref="CompleteLoad"/>. The default does nothing.</summary>
    protected virtual void OnCompleteLoad()
    {
    }

    /// <summary>Throws when loading is over: for every call that adds to the graph.</summary>
    protected void CheckLoading()
    {
        if (IsLoaded)
        {
            throw new InvalidOperationException("the graph is loaded: nodes, edges and executors can no longer be added");
        }
    }
}
