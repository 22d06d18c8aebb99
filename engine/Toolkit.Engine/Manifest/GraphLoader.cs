using Toolkit.Engine.Environments;
using Toolkit.Engine.Graph;

namespace Toolkit.Engine.Manifest;

/// <summary>
/// Turns manifest statements into nodes, edges and executors of a <see cref="BuildGraph"/>, in one
/// read of the file: the graph is created when the root is known (at the first statement that needs
/// nodes), so the <c>root</c> statement comes through the same reader as everything else.
/// Semantic errors (an unknown builder, a target built twice, an undefined environment, an output
/// that would overwrite a source, the manifest or the engine's own files) name the file and the
/// line, as syntax errors do. The line of every build statement is kept in <see cref="BuildGraph.Lines"/>.
/// </summary>
public sealed class GraphLoader : IManifestHandler
{
    /// <summary>The manifest variable that asks for the real compiler.</summary>
    public const string ToolsVariable = "TOOLKIT_TOOLS";

    private readonly string _fileName;
    private readonly string _manifestDirectory;
    private readonly Func<string, EnvironmentTable, BuildGraph> _createGraph;
    private readonly EnvironmentTable _environments;
    private readonly Dictionary<string, int> _environmentsByName = new(StringComparer.Ordinal);
    private readonly List<(string Path, int Line)> _defaults = [];
    private readonly List<int> _targetIds = [];
    private readonly OutputRules _outputs;
    private BuildGraph? _graph;
    private string _root;
    private int _rootLine;
    private int _currentEnvironment;
    private bool _preferRealTools;

    private GraphLoader(string fileName, string manifestDirectory, EnvironmentTable environments, Func<string, EnvironmentTable, BuildGraph> createGraph)
    {
        _fileName = fileName;
        _manifestDirectory = manifestDirectory;
        _root = manifestDirectory;
        _environments = environments;
        _createGraph = createGraph;
        _outputs = new OutputRules(fileName);
    }

    /// <summary>
    /// Reads a manifest file in one pass. <paramref name="createGraph"/> makes the graph once the root
    /// is known (the manifest's directory, or what its <c>root</c> statement names), with the
    /// environment table the loader has filled so far.
    /// </summary>
    public static BuildGraph LoadFile(string manifestPath, Func<string, EnvironmentTable, BuildGraph> createGraph)
    {
        var full = Path.GetFullPath(manifestPath);
        var loader = new GraphLoader(manifestPath, Path.GetDirectoryName(full)!, new EnvironmentTable(), createGraph);
        ManifestReader.ReadFile(manifestPath, loader);
        return loader.Finish();
    }

    /// <summary>
    /// Reads a manifest from text in one pass, as <see cref="LoadFile"/>; <paramref name="manifestDirectory"/>
    /// is the directory a relative <c>root</c> (and the file name, to refuse it as an output) is taken from.
    /// </summary>
    public static BuildGraph Load(TextReader reader, string fileName, string manifestDirectory, Func<string, EnvironmentTable, BuildGraph> createGraph)
    {
        var loader = new GraphLoader(fileName, manifestDirectory, new EnvironmentTable(), createGraph);
        ManifestReader.Read(reader, fileName, loader);
        return loader.Finish();
    }

    /// <summary>Reads a manifest from text into a graph made beforehand (which must be empty); a <c>root</c> statement is checked but cannot move it.</summary>
    public static void Load(BuildGraph graph, TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var loader = new GraphLoader(fileName, graph.RootDirectory, graph.Environments, (_, _) => graph);
        ManifestReader.Read(reader, fileName, loader);
        loader.Finish();
    }

    /// <inheritdoc />
    public void OnRoot(string path, int line)
    {
        if (_rootLine > 0)
        {
            throw Error(line, $"a second 'root' statement (the first is on line {_rootLine})");
        }

        if (_graph is not null)
        {
            throw Error(line, "'root' must come before any 'build' or 'alias' statement");
        }

        _rootLine = line;
        _root = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Join(_manifestDirectory, path));
    }

    /// <inheritdoc />
    public void OnVariable(string name, string value, int line)
    {
        _environments.Global.Set(name, value, line);
        if (name == ToolsVariable)
        {
            _preferRealTools = value == "real";
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

        _environmentsByName.Add(name, _environments.Add(name, parentId, variables, line));
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
        var graph = Graph();
        var builder = ParseBuilder(statement.Builder, statement.Line);
        CheckArity(builder, statement);
        var kind = builder switch
        {
            BuilderKind.Object => NodeKind.Object,
            BuilderKind.Library => NodeKind.Library,
            BuilderKind.Program => NodeKind.Program,
            _ => NodeKind.DerivedFile,
        };

        var store = graph.Store;
        _targetIds.Clear();
        for (var i = 0; i < statement.Targets.Count; i++)
        {
            var path = statement.Targets.Span(i);
            var id = _outputs.Target(graph, path, kind, statement.Line);
            if (_targetIds.Contains(id))
            {
                throw Error(statement.Line, $"'{path}' is named twice as a target of this statement");
            }

            _targetIds.Add(id);
        }

        var environment = statement.Overrides.Count == 0
            ? _currentEnvironment
            : _environments.GetOrAddOverride(_currentEnvironment, statement.Overrides, statement.Line);
        var executor = store.AddExecutor(builder, environment, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_targetIds));
        graph.Lines.Add(executor, statement.Line);
        foreach (var target in _targetIds)
        {
            AddEdges(graph, target, EdgeKind.Sources, statement.Sources, statement.Line);
            AddEdges(graph, target, EdgeKind.Depends, statement.Depends, statement.Line);
            AddEdges(graph, target, EdgeKind.OrderOnly, statement.OrderOnly, statement.Line);
            AddEdges(graph, target, EdgeKind.Ignored, statement.Ignore, statement.Line);
        }

        var sideEffects = _outputs.SideEffects(graph, statement.SideEffects, statement.Line);
        foreach (var target in _targetIds)
        {
            foreach (var sideEffect in sideEffects)
            {
                store.AddEdge(target, EdgeKind.SideEffects, sideEffect);
            }
        }
    }

    /// <inheritdoc />
    public void OnAlias(string name, IReadOnlyList<string> targets, int line)
    {
        var graph = Graph();
        var store = graph.Store;
        var existing = store.FindNode(name);
        if (existing >= 0)
        {
            var executor = store.GetExecutor(existing);
            throw Error(line, store.GetKind(existing) switch
            {
                NodeKind.Alias => $"alias '{name}' is defined twice",
                NodeKind.Directory => $"alias '{name}' has the name of a directory of the project",
                _ when executor >= 0 => $"alias '{name}' has the name of a target built on line {graph.Lines.OfExecutor(executor)}",
                _ => $"alias '{name}' is defined after a statement that names it, where it was taken for a file; define an alias before the statements that use it",
            });
        }

        var alias = store.AddNode(name, NodeKind.Alias, graph.RootNode);
        foreach (var target in targets)
        {
            store.AddEdge(alias, EdgeKind.Depends, _outputs.Input(graph, target, line));
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

    private BuildGraph Finish()
    {
        var graph = Graph();
        graph.Lines.Trim();
        graph.PrefersRealTools = _preferRealTools;
        var store = graph.Store;
        foreach (var (path, line) in _defaults)
        {
            var id = store.FindNode(path);
            if (id < 0)
            {
                throw Error(line, $"default target '{path}' is not built by any statement and is no alias");
            }

            graph.DefaultTargets.Add(id);
        }

        if (_defaults.Count == 0)
        {
            for (var node = 0; node < store.Count; node++)
            {
                if (store.GetExecutor(node) >= 0)
                {
                    graph.DefaultTargets.Add(node);
                }
            }
        }

        return graph;
    }

    /// <summary>The graph, made on first use: from then on the root is fixed.</summary>
    private BuildGraph Graph()
    {
        if (_graph is null)
        {
            _graph = _createGraph(_root, _environments);
            _graph.GetOrAddDirectory(".");
            _outputs.Reserve(_root, Path.IsPathRooted(_fileName) ? _fileName : Path.Join(_manifestDirectory, _fileName));
        }

        return _graph;
    }

    private void AddEdges(BuildGraph graph, int target, EdgeKind kind, ManifestTokenList paths, int line)
    {
        for (var i = 0; i < paths.Count; i++)
        {
            graph.Store.AddEdge(target, kind, _outputs.Input(graph, paths.Span(i), line));
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
