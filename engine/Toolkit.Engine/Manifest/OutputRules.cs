using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Graph;

namespace Toolkit.Engine.Manifest;

/// <summary>
/// What may be written, checked while loading so that no build and no <c>clean</c> overwrites or
/// deletes a file the user wrote: an output (a target or a side effect) is never the manifest, one of
/// the engine's own files (<see cref="EngineFiles"/>), a directory or an alias; a side effect is
/// never a target, nor an input of any statement (a source file, which <c>clean</c> would delete).
/// Paths outside the project are refused earlier, by <see cref="ManifestPathRule"/> (relative, no '..').
/// Cost: a dictionary entry per side effect, none per ordinary node.
/// </summary>
internal sealed class OutputRules(string fileName)
{
    private readonly Dictionary<int, int> _sideEffectLines = [];
    private readonly List<int> _sideEffects = [];
    private string? _manifest;

    /// <summary>Records where the manifest is, relative to the root, once the root is known.</summary>
    public void Reserve(string root, string manifestFullPath)
    {
        var relative = Path.GetRelativePath(root, manifestFullPath).Replace('\\', '/');
        _manifest = relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative) ? null : relative;
    }

    /// <summary>The node of a target of the statement on <paramref name="line"/>, made a target of <paramref name="kind"/>.</summary>
    public int Target(BuildGraph graph, ReadOnlySpan<char> path, NodeKind kind, int line)
    {
        CheckWritable(path, line, "a target");
        var store = graph.Store;
        var id = graph.GetOrAddFile(path, kind);
        var executor = store.GetExecutor(id);
        if (executor >= 0)
        {
            throw Error(line, $"'{path}' is already built by the statement on line {graph.Lines.OfExecutor(executor)}");
        }

        if (store.GetKind(id) is NodeKind.Directory or NodeKind.Alias)
        {
            throw Error(line, $"'{path}' is a directory or an alias and cannot be a build target");
        }

        if (_sideEffectLines.TryGetValue(id, out var sideEffectLine))
        {
            throw Error(line, $"'{path}' is a side effect of the statement on line {sideEffectLine} and cannot also be a target");
        }

        store.SetKind(id, kind);
        return id;
    }

    /// <summary>The nodes of a statement's side effects (valid until the next call).</summary>
    public List<int> SideEffects(BuildGraph graph, ManifestTokenList paths, int line)
    {
        _sideEffects.Clear();
        var store = graph.Store;
        for (var i = 0; i < paths.Count; i++)
        {
            var path = paths.Span(i);
            CheckWritable(path, line, "a side effect");
            var id = store.FindNode(path);
            if (id >= 0 && !_sideEffectLines.ContainsKey(id))
            {
                var executor = store.GetExecutor(id);
                throw Error(line, store.GetKind(id) switch
                {
                    NodeKind.Directory or NodeKind.Alias => $"side effect '{path}' is a directory or an alias",
                    _ when executor >= 0 => $"side effect '{path}' is built by the statement on line {graph.Lines.OfExecutor(executor)}; make it a target of one statement instead",
                    _ => $"side effect '{path}' is an input of this or an earlier statement, so it is a source file, which an action may not overwrite and clean would delete",
                });
            }

            if (id < 0)
            {
                id = graph.GetOrAddFile(path, NodeKind.DerivedFile);
            }

            _sideEffectLines.TryAdd(id, line);
            _sideEffects.Add(id);
        }

        return _sideEffects;
    }

    /// <summary>The node of an input (a source, dependency or alias member) named on <paramref name="line"/>.</summary>
    public int Input(BuildGraph graph, ReadOnlySpan<char> path, int line)
    {
        var id = graph.GetOrAddFile(path);
        if (_sideEffectLines.Count > 0 && _sideEffectLines.TryGetValue(id, out var sideEffectLine))
        {
            throw Error(line, $"'{path}' is a side effect of the statement on line {sideEffectLine} and cannot be an input: nothing builds it for this statement (make it a target of its statement instead)");
        }

        return id;
    }

    private void CheckWritable(ReadOnlySpan<char> path, int line, string what)
    {
        if (_manifest is not null && path.SequenceEqual(_manifest))
        {
            throw Error(line, $"'{path}' is the manifest itself and cannot be {what}");
        }

        if (EngineFiles.IsReserved(path))
        {
            throw Error(line, $"'{path}' is a file the engine keeps ({EngineFiles.Prefix}* in the root, or a temporary file) and cannot be {what}");
        }
    }

    private ManifestException Error(int line, string problem) => new(fileName, line, problem);
}
