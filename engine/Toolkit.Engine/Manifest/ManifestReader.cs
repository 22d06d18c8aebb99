using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Manifest;

/// <summary>
/// Reads a manifest (docs/manifest-format.md) line by line and hands each statement to an
/// <see cref="IManifestHandler"/>. It never holds the file's text: memory stays flat whatever the size.
/// Every error is a <see cref="ManifestException"/> naming the file and the line.
/// Three layers, each checked in its own place: lines (<see cref="ManifestLineSource"/>: length,
/// UTF-8, control characters), tokens (<see cref="ManifestTokens"/>), statements (this class: syntax, paths,
/// the closing <c>end</c>); what a statement means is the handler's to check.
/// </summary>
public sealed class ManifestReader
{
    private readonly string _fileName;
    private readonly IManifestHandler _handler;
    private readonly BuildStatement _statement = new();
    private readonly ManifestTokenList _tokens = new();
    private readonly ManifestTokenList _blockPaths = new();
    private readonly List<KeyValuePair<string, string>> _environmentVariables = [];
    private int _line;
    private Pending _pending;
    private string _pendingName = string.Empty;
    private string? _pendingParent;
    private int _pendingLine;
    private bool _sawHeader;
    private int _endLine;

    private enum Pending : byte
    {
        None,
        Environment,
        Build,
    }

    private ManifestReader(string fileName, IManifestHandler handler)
    {
        _fileName = fileName;
        _handler = handler;
    }

    /// <summary>Reads a manifest file (which must be a regular file: a FIFO or a device is refused before it is opened).</summary>
    public static void ReadFile(string path, IManifestHandler handler)
    {
        try
        {
            FileProbe.RequireRegular(Path.GetFullPath(path));
        }
        catch (IOException exception) when (exception is not FileNotFoundException)
        {
            throw new ManifestException(path, 0, exception.Message);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        Read(stream, path, handler);
    }

    /// <summary>Reads a manifest from a stream of UTF-8; <paramref name="fileName"/> is used in error messages.</summary>
    public static void Read(Stream stream, string fileName, IManifestHandler handler)
    {
        using var source = new Utf8ManifestLineSource(stream, fileName);
        new ManifestReader(fileName, handler).Run(source);
    }

    /// <summary>Reads a manifest from text; <paramref name="fileName"/> is used in error messages.</summary>
    public static void Read(TextReader reader, string fileName, IManifestHandler handler)
    {
        using var source = new TextManifestLineSource(reader, fileName);
        new ManifestReader(fileName, handler).Run(source);
    }

    /// <summary>Makes an error naming the file and a line.</summary>
    public static ManifestException Error(string file, int line, string problem) => new(file, line, problem);

    private void Run(ManifestLineSource source)
    {
        while (source.TryReadLine(out var text))
        {
            _line = source.Line;
            var content = text.TrimEnd();
            var trimmed = content.TrimStart();
            if (trimmed.IsEmpty || trimmed[0] == '#')
            {
                continue;
            }

            if (_endLine > 0)
            {
                throw Fail(_line, $"nothing but comments may follow the 'end' statement of line {_endLine}");
            }

            if (content.Length != trimmed.Length)
            {
                BlockLine(trimmed);
            }
            else
            {
                Flush();
                Statement(trimmed);
            }
        }

        Flush();
        if (!_sawHeader)
        {
            throw Fail(0, $"not a toolkit manifest: the file is empty (it must start with 'toolkit-manifest {ManifestWriter.FormatVersion}')");
        }

        if (_endLine == 0)
        {
            throw Fail(source.Line, "the manifest stops without its closing 'end' statement: it is truncated (every writer ends a manifest with a line 'end')");
        }
    }

    private void Statement(ReadOnlySpan<char> line)
    {
        ManifestTokens.Split(line, _tokens);
        var keyword = _tokens.Span(0);
        if (!_sawHeader)
        {
            Header(line);
            return;
        }

        if (line.IndexOf('=') > 0 && IsAssignment(line))
        {
            var (name, value) = Assignment(line);
            _handler.OnVariable(name, value, _line);
            return;
        }

        switch (keyword)
        {
            case "toolkit-manifest":
                throw Fail(_line, "'toolkit-manifest' may appear only once, on the first statement");
            case "end":
                Expect(_tokens.Count == 1, "'end' stands alone on the manifest's last line");
                _endLine = _line;
                break;
            case "root":
                Expect(_tokens.Count == 2, "'root' takes one path: root PATH");
                _handler.OnRoot(_tokens[1], _line);
                break;
            case "env":
                BeginEnvironment();
                break;
            case "use":
                Expect(_tokens.Count == 2, "'use' takes one environment name: use NAME");
                _handler.OnUse(_tokens[1], _line);
                break;
            case "build":
                BeginBuild();
                break;
            case "alias":
                Alias();
                break;
            case "default":
                Expect(_tokens.Count >= 2, "'default' needs at least one target");
                var targets = _tokens.Skip(1).ToList();
                targets.ForEach(CheckPath);
                _handler.OnDefault(targets, _line);
                break;
            default:
                throw Fail(_line, $"unknown statement '{Shorten(keyword)}' (expected root, NAME = value, env, use, build, alias, default or end)");
        }
    }

    private void Header(ReadOnlySpan<char> line)
    {
        if (!_tokens.Is(0, "toolkit-manifest"))
        {
            throw Fail(_line, $"not a toolkit manifest: expected 'toolkit-manifest {ManifestWriter.FormatVersion}' first, found '{Shorten(line)}'");
        }

        if (_tokens.Count != 2 || _tokens[1] != ManifestWriter.FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            var found = _tokens.Count > 1 ? _tokens[1] : "(none)";
            var hint = found == "1" ? " (version 2 added the closing 'end' line; regenerate the manifest, or add 'end' as its last line and make the first 'toolkit-manifest 2')" : string.Empty;
            throw Fail(_line, $"unsupported manifest version {found}: this toolkit reads version {ManifestWriter.FormatVersion}{hint}");
        }

        _sawHeader = true;
    }

    private static bool IsAssignment(ReadOnlySpan<char> line) => ManifestWriter.IsValidName(line[..line.IndexOf('=')].Trim());

    private void BeginEnvironment()
    {
        // env NAME  |  env NAME : PARENT  |  env NAME: PARENT
        string name;
        string? parent = null;
        if (_tokens.Count == 2 && !_tokens.Span(1).EndsWith(':'))
        {
            name = _tokens[1];
        }
        else if (_tokens.Count == 4 && _tokens.Is(2, ":"))
        {
            name = _tokens[1];
            parent = _tokens[3];
        }
        else if (_tokens.Count == 3 && _tokens.Span(1).EndsWith(':') && _tokens.Span(1).Length > 1)
        {
            name = _tokens.Span(1)[..^1].ToString();
            parent = _tokens[2];
        }
        else
        {
            throw Fail(_line, "'env' is written 'env NAME' or 'env NAME : PARENT'");
        }

        _pending = Pending.Environment;
        _pendingName = name;
        _pendingParent = parent;
        _pendingLine = _line;
        _environmentVariables.Clear();
    }

    private void BeginBuild()
    {
        var s = _statement;
        s.Clear();
        s.Line = _line;
        var i = 1;
        var sawColon = false;
        for (; i < _tokens.Count; i++)
        {
            var token = _tokens.Span(i);
            if (token is ":")
            {
                sawColon = true;
                i++;
                break;
            }

            var last = token.EndsWith(':');
            var path = last ? token[..^1] : token;
            CheckPath(path);
            s.Targets.Add(path);
            if (last)
            {
                sawColon = true;
                i++;
                break;
            }
        }

        Expect(sawColon, "'build' needs ':' after its targets: build TARGETS...: BUILDER SOURCES...");
        Expect(s.Targets.Count > 0, "'build' needs at least one target before ':'");
        Expect(i < _tokens.Count && !_tokens.Is(i, "|") && !_tokens.Is(i, "||"), "'build' needs a builder after ':' (Object, Library, Program, Copy or Command)");
        s.Builder = BuilderName(_tokens.Span(i++));
        var list = s.Sources;
        for (; i < _tokens.Count; i++)
        {
            var token = _tokens.Span(i);
            if (token is "|")
            {
                Expect(list == s.Sources, "'|' must come before '||' and only once");
                list = s.Depends;
                continue;
            }

            if (token is "||")
            {
                Expect(list != s.OrderOnly, "'||' may appear only once");
                list = s.OrderOnly;
                continue;
            }

            CheckPath(token);
            list.Add(token);
        }

        _pending = Pending.Build;
        _pendingLine = _line;
    }

    // The builders' names are the same few words on every statement: one string each, not one per statement.
    private static string BuilderName(ReadOnlySpan<char> token) => token switch
    {
        "Object" => "Object",
        "Library" => "Library",
        "Program" => "Program",
        "Copy" => "Copy",
        "Command" => "Command",
        _ => token.ToString(),
    };

    private void Alias()
    {
        Expect(_tokens.Count >= 2 && (_tokens.Span(1).EndsWith(':') || _tokens.Count >= 3 && _tokens.Is(2, ":")), "'alias' is written 'alias NAME: TARGETS...'");
        string name;
        int first;
        if (_tokens.Span(1).EndsWith(':'))
        {
            name = _tokens.Span(1)[..^1].ToString();
            first = 2;
        }
        else
        {
            name = _tokens[1];
            first = 3;
        }

        CheckPath(name);
        Expect(first < _tokens.Count, $"alias '{name}' names no targets");
        var targets = _tokens.Skip(first).ToList();
        targets.ForEach(CheckPath);
        _handler.OnAlias(name, targets, _line);
    }

    private void BlockLine(ReadOnlySpan<char> line)
    {
        if (_pending == Pending.None)
        {
            throw Fail(_line, "an indented line must belong to an 'env' or 'build' statement above it");
        }

        Expect(line.IndexOf('=') > 0, "an indented line must be 'NAME = value'");
        var (name, value) = Assignment(line);
        if (_pending == Pending.Environment)
        {
            _environmentVariables.Add(new(name, value));
            return;
        }

        switch (name)
        {
            case "ignore":
                AddPaths(value, _statement.Ignore);
                break;
            case "side-effects":
                AddPaths(value, _statement.SideEffects);
                break;
            default:
                _statement.Overrides.Add(new(name, value));
                break;
        }
    }

    private void AddPaths(string value, ManifestTokenList into)
    {
        ManifestTokens.Split(value, _blockPaths);
        for (var i = 0; i < _blockPaths.Count; i++)
        {
            CheckPath(_blockPaths.Span(i));
            into.Add(_blockPaths.Span(i));
        }
    }

    private void Flush()
    {
        switch (_pending)
        {
            case Pending.Environment:
                _handler.OnEnvironment(_pendingName, _pendingParent, _environmentVariables, _pendingLine);
                break;
            case Pending.Build:
                _handler.OnBuild(_statement);
                break;
        }

        _pending = Pending.None;
    }

    private (string Name, string Value) Assignment(ReadOnlySpan<char> line)
    {
        var equals = line.IndexOf('=');
        var name = line[..equals].Trim();
        if (name.IsEmpty)
        {
            throw Fail(_line, "a variable needs a name before '='");
        }

        if (!ManifestWriter.IsValidName(name))
        {
            throw Fail(_line, $"'{name}' is not a valid variable name");
        }

        return (name.ToString(), line[(equals + 1)..].Trim().ToString());
    }

    private void CheckPath(string path) => CheckPath(path.AsSpan());

    private void CheckPath(ReadOnlySpan<char> path)
    {
        if (ManifestPathRule.Problem(path) is { } problem)
        {
            throw Fail(_line, problem);
        }
    }

    private void Expect(bool condition, string problem)
    {
        if (!condition)
        {
            throw Fail(_line, problem);
        }
    }

    private ManifestException Fail(int line, string problem) => new(_fileName, line, problem);

    private static string Shorten(ReadOnlySpan<char> text) => text.Length <= 40 ? text.ToString() : string.Concat(text[..40], "...");
}
