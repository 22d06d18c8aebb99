using Toolkit.Engine.Graph;

namespace Toolkit.Engine.Manifest;

/// <summary>
/// Turns manifest statements into nodes, edges and executors of a <see cref="BuildGraph"/>.
/// Semantic errors (an unknown builder, a target built twice, an undefined environment) name the
/// file and the line, as syntax errors do.
/// </summary>
public sealed class GraphLoader : IManifestHandler
{
    /// <summary>The manifest variable that asks for the real compiler.</summary>
    public const string ToolsVariable = "TOOLKIT_TOOLS";

    private readonly BuildGraph _graph;
    private readonly string _fileName;
    private readonly Dictionary<string, int> _environmentsByName = new(StringComparer.Ordinal);
    private readonly List<(string Path, int Line)> _defaults = [];
    private readonly List<int> _targetIds = [];
    private int _currentEnvironment;
    private bool _sawBuild;

    private GraphLoader(BuildGraph graph, string fileName)
    {
        _graph = graph;
        _fileName = fileName;
        _graph.GetOrAddDirectory(".");
    }

    /// <summary>The root named by a <c>root</c> statement, or null; read it before creating the graph.</summary>
    public static string? ReadRoot(string manifestPath)
    {
        using var reader = new StreamReader(manifestPath);
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("root ", StringComparison.Ordinal))
            {
                return ManifestTokens.RootOperand(trimmed[5..]);
            }

            if (trimmed.StartsWith("build ", StringComparison.Ordinal))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Reads a manifest file into a graph (which must be empty).</summary>
    public static void Load(BuildGraph graph, string manifestPath)
    {
        var loader = new GraphLoader(graph, manifestPath);
        ManifestReader.ReadFile(manifestPath, loader);
        loader.Finish();
    }

    /// <summary>Reads a manifest from text into a graph (which must be empty).</summary>
    public static void Load(BuildGraph graph, TextReader reader, string fileName)
    {
        var loader = new GraphLoader(graph, fileName);
        ManifestReader.Read(reader, fileName, loader);
        loader.Finish();
    }

    /// <inheritdoc />
    public void OnRoot(string path, int line)
    {
        if (_sawBuild)
        {
            throw Error(line, "'root' must come before any 'build' statement");
        }

        // The root itself is resolved by the project loader before the graph exists (see ReadRoot).
    }

    /// <inheritdoc />
    public void OnVariable(string name, string value, int line)
    {
        _graph.Environments.Global.Set(name, value);
        if (name == ToolsVariable)
        {
            _graph.PrefersRealTools = value == "real";
        }
    }

    /// <inheritdoc />
    public void OnEnvironment(string name, string? parent, IReadOnlyList<KeyValuePair<string, string>> variables, int line)
    {
        if (name == "default" || _environmentsByName.ContainsKey(name))
        {
            throw Error(line, $"environment '{name}' is defined twice");
        }

        var parentId = 0;
        if (parent is not null && parent != "default" && !_environmentsByName.TryGetValue(parent, out parentId))
        {
            throw Error(line, $"environment '{name}' names an undefined parent '{parent}'");
        }

        _environmentsByName.Add(name, _graph.Environments.Add(name, parentId, variables));
    }

    /// <inheritdoc />
    public void OnUse(string environment, int line)
    {
        if (environment == "default")
        {
            _currentEnvironment = 0;
        }
        else if (!_environmentsByName.TryGetValue(environment, out _currentEnvironment))
        {
            throw Error(line, $"'use' names an undefined environment '{environment}'");
        }
    }

    /// <inheritdoc />
    public void OnBuild(BuildStatement statement)
    {
        _sawBuild = true;
        var builder = ParseBuilder(statement.Builder, statement.Line);
        CheckArity(builder, statement);
        var kind = builder switch
        {
            BuilderKind.Object => NodeKind.Object,
            BuilderKind.Library => NodeKind.Library,
            BuilderKind.Program => NodeKind.Program,
            _ => NodeKind.DerivedFile,
        };

        var store = _graph.Store;
        _targetIds.Clear();
        foreach (var path in statement.Targets)
        {
            var id = _graph.GetOrAddFile(path, kind);
            if (store.GetExecutor(id) >= 0 || _targetIds.Contains(id))
            {
                throw Error(statement.Line, $"'{path}' is already built by another statement");
            }

            if (store.GetKind(id) is NodeKind.Directory or NodeKind.Alias)
            {
                throw Error(statement.Line, $"'{path}' is a directory or an alias and cannot be a build target");
            }

            store.SetKind(id, kind);
            _targetIds.Add(id);
        }

        var environment = statement.Overrides.Count == 0
            ? _currentEnvironment
            : _graph.Environments.GetOrAddOverride(_currentEnvironment, statement.Overrides);
        store.AddExecutor(builder, environment, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_targetIds));
        foreach (var target in _targetIds)
        {
            AddEdges(target, EdgeKind.Sources, statement.Sources, null);
            AddEdges(target, EdgeKind.Depends, statement.Depends, null);
            AddEdges(target, EdgeKind.OrderOnly, statement.OrderOnly, null);
            AddEdges(target, EdgeKind.Ignored, statement.Ignore, null);
            AddEdges(target, EdgeKind.SideEffects, statement.SideEffects, NodeKind.DerivedFile);
        }
    }

    /// <inheritdoc />
    public void OnAlias(string name, IReadOnlyList<string> targets, int line)
    {
        if (_graph.Store.FindNode(name) >= 0)
        {
            throw Error(line, $"alias '{name}' has the name of an existing file or alias");
        }

        var alias = _graph.Store.AddNode(name, NodeKind.Alias, _graph.RootNode);
        foreach (var target in targets)
        {
            _graph.Store.AddEdge(alias, EdgeKind.Depends, _graph.GetOrAddFile(target));
        }
    }

    /// <inheritdoc />
    public void OnDefault(IReadOnlyList<string> targets, int line)
    {
        foreach (var target in targets)
        {
            _defaults.Add((target, line));
        }
    }

    private void Finish()
    {
        var store = _graph.Store;
        foreach (var (path, line) in _defaults)
        {
            var id = store.FindNode(path);
            if (id < 0)
            {
                throw Error(line, $"default target '{path}' is not built by any statement and is no alias");
            }

            _graph.DefaultTargets.Add(id);
        }

        if (_defaults.Count == 0)
        {
            for (var node = 0; node < store.Count; node++)
            {
                if (store.GetExecutor(node) >= 0)
                {
                    _graph.DefaultTargets.Add(node);
                }
            }
        }
    }

    private void AddEdges(int target, EdgeKind kind, List<string> paths, NodeKind? newKind)
    {
        foreach (var path in paths)
        {
            _graph.Store.AddEdge(target, kind, _graph.GetOrAddFile(path, newKind));
        }
    }

    private BuilderKind ParseBuilder(string name, int line) => name switch
    {
        "Object" => BuilderKind.Object,
        "Library" => BuilderKind.Library,
        "Program" => BuilderKind.Program,
        "Copy" => BuilderKind.Copy,
        "Command" => BuilderKind.Command,
        _ => throw Error(line, $"unknown builder '{name}' (expected Object, Library, Program, Copy or Command)"),
    };

    private void CheckArity(BuilderKind builder, BuildStatement statement)
    {
        switch (builder)
        {
            case BuilderKind.Object when statement.Sources.Count != 1:
                throw Error(statement.Line, $"Object builds one object from one source; '{statement.Targets[0]}' has {statement.Sources.Count}");
            case BuilderKind.Copy when statement.Sources.Count != 1 || statement.Targets.Count != 1:
                throw Error(statement.Line, $"Copy copies one file to one file; '{statement.Targets[0]}' has {statement.Sources.Count} sources and {statement.Targets.Count} targets");
            case BuilderKind.Library or BuilderKind.Program when statement.Sources.Count == 0:
                throw Error(statement.Line, $"{statement.Builder} '{statement.Targets[0]}' has no sources");
        }
    }

    private ManifestException Error(int line, string problem) => new(_fileName, line, problem);
}
