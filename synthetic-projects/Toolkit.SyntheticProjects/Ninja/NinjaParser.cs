using Toolkit.SyntheticProjects.Importing;

namespace Toolkit.SyntheticProjects.Ninja;

/// <summary>
/// ninja's manifest parser (src/manifest_parser.cc): variables evaluated as they are read, rules,
/// pools (read, checked, then ignored), build statements with implicit outputs (<c>|</c> before
/// ':'), implicit (<c>|</c>), order-only (<c>||</c>) and validation (<c>|@</c>, read and ignored)
/// inputs and their own bindings, <c>default</c>, <c>include</c> (same scope) and <c>subninja</c>
/// (a child scope). Included paths are relative to the build directory, as in ninja. Refuses what
/// ninja refuses (an unknown rule, two statements building one output, a default nobody builds) and
/// an include loop, each with file, line and reason.
/// </summary>
internal sealed class NinjaParser
{
    /// <summary>The built-in rule whose statements only group their inputs.</summary>
    public const string PhonyRule = "phony";

    /// <summary>Deeper include nesting than this is taken as a loop ninja itself would only end by crashing.</summary>
    private const int MaximumIncludeDepth = 64;

    private readonly NinjaGraph _graph;
    private readonly List<string> _including = [];

    private NinjaParser(NinjaGraph graph) => _graph = graph;

    /// <summary>Parses <paramref name="manifestPath"/> and what it includes.</summary>
    public static NinjaGraph Parse(string manifestPath)
    {
        var fullPath = Path.GetFullPath(manifestPath);
        var root = new NinjaScope(null);
        root.AddRule(new NinjaRule(PhonyRule));
        var graph = new NinjaGraph(Path.GetDirectoryName(fullPath)!, root);
        new NinjaParser(graph).ParseFile(fullPath, root, includedFrom: null);
        return graph;
    }

    private void ParseFile(string path, NinjaScope scope, (string File, int Line)? includedFrom)
    {
        var text = InputFile.TryReadText(path, out var why);
        if (text is null)
        {
            throw includedFrom is { } from ? new NinjaException(from.File, from.Line, $"'{path}' {why}") : new NinjaException(path, 0, why!);
        }

        if (_including.Contains(path, StringComparer.Ordinal) || _including.Count >= MaximumIncludeDepth)
        {
            throw new NinjaException(includedFrom!.Value.File, includedFrom.Value.Line, $"include loop: {string.Join(" -> ", _including.Append(path))}");
        }

        _including.Add(path);
        _graph.FilesRead.Add(path);
        var lexer = new NinjaLexer(path, text);
        while (true)
        {
            var token = lexer.ReadToken();
            switch (token)
            {
                case NinjaToken.EndOfFile:
                    _including.RemoveAt(_including.Count - 1);
                    return;
                case NinjaToken.Newline:
                    break;
                case NinjaToken.Pool:
                    ParsePool(lexer);
                    break;
                case NinjaToken.Build:
                    ParseEdge(lexer, scope);
                    break;
                case NinjaToken.Rule:
                    ParseRule(lexer, scope);
                    break;
                case NinjaToken.Default:
                    ParseDefault(lexer, scope);
                    break;
                case NinjaToken.Ident:
                    lexer.UnreadToken();
                    var (name, value) = ParseLet(lexer);
                    scope.Set(name, value.Evaluate(scope.Lookup));
                    break;
                case NinjaToken.Include or NinjaToken.Subninja:
                    var included = lexer.ReadPath().Evaluate(scope.Lookup);
                    var line = lexer.Line;
                    lexer.Expect(NinjaToken.Newline, "a line end after the included file");
                    if (included.Length == 0)
                    {
                        throw lexer.Error("expected a path after include/subninja");
                    }

                    ParseFile(Path.GetFullPath(included, _graph.BuildDirectory), token == NinjaToken.Subninja ? new NinjaScope(scope) : scope, (path, line));
                    break;
                case NinjaToken.Indent:
                    throw lexer.Error("unexpected indent");
                default:
                    throw lexer.Unexpected(token, "a statement (build, rule, pool, default, include, subninja or NAME = value)");
            }
        }
    }

    private static (string Name, EvalString Value) ParseLet(NinjaLexer lexer)
    {
        var name = lexer.ReadIdent() ?? throw lexer.Error("expected a variable name");
        lexer.Expect(NinjaToken.EqualsSign, "'='");
        return (name, lexer.ReadValue());
    }

    private void ParseRule(NinjaLexer lexer, NinjaScope scope)
    {
        var name = lexer.ReadIdent() ?? throw lexer.Error("expected a rule name");
        lexer.Expect(NinjaToken.Newline, "a line end after the rule name");
        if (scope.HasRuleHere(name))
        {
            throw lexer.Error($"duplicate rule '{name}'");
        }

        var rule = new NinjaRule(name);
        while (lexer.PeekToken(NinjaToken.Indent))
        {
            var (key, value) = ParseLet(lexer);
            if (!NinjaRule.ReservedBindings.Contains(key, StringComparer.Ordinal))
            {
                throw lexer.Error($"unexpected variable '{key}' in rule '{name}'");
            }

            rule.Bindings[key] = value;
        }

        if (rule.Bindings.ContainsKey("rspfile") != rule.Bindings.ContainsKey("rspfile_content"))
        {
            throw lexer.Error($"rule '{name}': rspfile and rspfile_content need each other");
        }

        if (!rule.Bindings.TryGetValue("command", out var command) || command.IsEmpty)
        {
            throw lexer.Error($"rule '{name}': expected 'command =' line");
        }

        scope.AddRule(rule);
        _graph.Rules++;
    }

    private void ParsePool(NinjaLexer lexer)
    {
        var name = lexer.ReadIdent() ?? throw lexer.Error("expected a pool name");
        lexer.Expect(NinjaToken.Newline, "a line end after the pool name");
        if (!_graph.Pools.Add(name))
        {
            throw lexer.Error($"duplicate pool '{name}'");
        }

        var sawDepth = false;
        while (lexer.PeekToken(NinjaToken.Indent))
        {
            var (key, value) = ParseLet(lexer);
            if (key != "depth")
            {
                throw lexer.Error($"unexpected variable '{key}' in pool '{name}'");
            }

            sawDepth = int.TryParse(value.Evaluate(_ => ""), out var depth) && depth >= 0 ? true : throw lexer.Error($"invalid pool depth in pool '{name}'");
        }

        if (!sawDepth)
        {
            throw lexer.Error($"pool '{name}': expected 'depth =' line");
        }
    }

    private void ParseDefault(NinjaLexer lexer, NinjaScope scope)
    {
        var path = lexer.ReadPath();
        if (path.IsEmpty)
        {
            throw lexer.Error("expected a target name after 'default'");
        }

        while (!path.IsEmpty)
        {
            var target = NinjaPaths.Canonical(path.Evaluate(scope.Lookup));
            if (target.Length == 0)
            {
                throw lexer.Error("empty path");
            }

            if (!_graph.Nodes.Contains(target))
            {
                throw lexer.Error($"unknown target '{target}'");
            }

            _graph.Defaults.Add(target);
            path = lexer.ReadPath();
        }

        lexer.Expect(NinjaToken.Newline, "a line end after the default targets");
    }

    private void ParseEdge(NinjaLexer lexer, NinjaScope scope)
    {
        var line = lexer.Line;
        var outputs = ReadPaths(lexer);
        if (outputs.Count == 0)
        {
            throw lexer.Error("expected a path after 'build'");
        }

        var explicitOutputs = outputs.Count;
        if (lexer.PeekToken(NinjaToken.Pipe))
        {
            outputs.AddRange(ReadPaths(lexer));
        }

        lexer.Expect(NinjaToken.Colon, "':' after the outputs");
        var ruleName = lexer.ReadIdent() ?? throw lexer.Error("expected a build command name after ':'");
        var rule = scope.FindRule(ruleName) ?? throw lexer.Error($"unknown build rule '{ruleName}'");
        var inputs = ReadPaths(lexer);
        var explicitInputs = inputs.Count;
        var implicitInputs = 0;
        if (lexer.PeekToken(NinjaToken.Pipe))
        {
            var implicitPaths = ReadPaths(lexer);
            implicitInputs = implicitPaths.Count;
            inputs.AddRange(implicitPaths);
        }

        if (lexer.PeekToken(NinjaToken.Pipe2))
        {
            inputs.AddRange(ReadPaths(lexer));
        }

        if (lexer.PeekToken(NinjaToken.PipeAt))
        {
            // Validations: built alongside, never a dependency; not imported, and counted for the importer's warning.
            _graph.ValidationStatements++;
            _graph.ValidationPaths += ReadPaths(lexer).Count;
        }

        lexer.Expect(NinjaToken.Newline, "a line end after the inputs");
        var edgeScope = scope;
        if (lexer.PeekToken(NinjaToken.Indent))
        {
            edgeScope = new NinjaScope(scope);
            do
            {
                var (key, value) = ParseLet(lexer);
                edgeScope.Set(key, value.Evaluate(scope.Lookup)); // ninja evaluates edge bindings in the enclosing scope
            }
            while (lexer.PeekToken(NinjaToken.Indent));
        }

        var pool = edgeScope.LookupWithFallback("pool", rule.Bindings.GetValueOrDefault("pool"), edgeScope.Lookup);
        if (pool.Length > 0 && !_graph.Pools.Contains(pool))
        {
            throw new NinjaException(lexer.FileName, line, $"unknown pool name '{pool}'");
        }

        AddEdge(lexer, line, new NinjaEdge
        {
            Rule = rule,
            Scope = edgeScope,
            Outputs = Evaluate(lexer, outputs, edgeScope),
            ExplicitOutputs = explicitOutputs,
            Inputs = Evaluate(lexer, inputs, edgeScope),
            ExplicitInputs = explicitInputs,
            ImplicitInputs = implicitInputs,
            File = lexer.FileName,
            Line = line,
        });
    }

    private void AddEdge(NinjaLexer lexer, int line, NinjaEdge edge)
    {
        var index = _graph.Edges.Count;
        foreach (var output in edge.Outputs)
        {
            if (!_graph.Producers.TryAdd(output, index))
            {
                var other = _graph.Edges[_graph.Producers[output]];
                throw new NinjaException(lexer.FileName, line, $"multiple rules generate {output} (also built at {other.File}:{other.Line})");
            }

            _graph.Nodes.Add(output);
        }

        if (edge.IsPhony)
        {
            // ninja drops a phony target named among its own inputs (-w phonycycle).
            edge.Inputs.RemoveAll(input => edge.Outputs.Contains(input, StringComparer.Ordinal));
        }

        _graph.Nodes.UnionWith(edge.Inputs);
        _graph.Edges.Add(edge);
    }

    private static List<EvalString> ReadPaths(NinjaLexer lexer)
    {
        var paths = new List<EvalString>();
        for (var path = lexer.ReadPath(); !path.IsEmpty; path = lexer.ReadPath())
        {
            paths.Add(path);
        }

        return paths;
    }

    private static List<string> Evaluate(NinjaLexer lexer, List<EvalString> paths, NinjaScope scope)
    {
        var evaluated = new List<string>(paths.Count);
        foreach (var path in paths)
        {
            var canonical = NinjaPaths.Canonical(path.Evaluate(scope.Lookup));
            evaluated.Add(canonical.Length > 0 ? canonical : throw lexer.Error("empty path"));
        }

        return evaluated;
    }
}
