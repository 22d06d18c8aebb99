using System.Text;

namespace Toolkit.Engine.Manifest;

/// <summary>
/// Writes a manifest (docs/manifest-format.md) statement by statement to a stream, so that a
/// million-node project is never held as text in memory. Validates what it writes: a path with a
/// control character or a reserved token is refused here rather than written and misread later; a
/// space or a '$' in a path is escaped as '$ ' and '$$' (<see cref="EscapePath"/>).
/// A manifest is complete only once <see cref="End"/> has written its closing <c>end</c> line:
/// disposing a writer without it (a writer that failed half-way) leaves a file the reader refuses
/// as truncated, never one that builds a subset of the project.
/// </summary>
public sealed class ManifestWriter : IDisposable
{
    /// <summary>The file name the engine looks for in a project directory.</summary>
    public const string FileName = "toolkit.manifest";

    /// <summary>The format version this writer emits and the reader accepts (2: the closing <c>end</c> line is required).</summary>
    public const int FormatVersion = 2;

    /// <summary>The statement that closes every manifest.</summary>
    public const string EndStatement = "end";

    private readonly TextWriter _writer;
    private readonly bool _ownsWriter;
    private bool _ended;

    /// <summary>Writes to a text writer; the header line is written at once.</summary>
    public ManifestWriter(TextWriter writer, bool ownsWriter = false)
    {
        _writer = writer;
        _ownsWriter = ownsWriter;
        _writer.Write("toolkit-manifest ");
        _writer.Write(FormatVersion);
        _writer.Write('\n');
    }

    /// <summary>Creates (or replaces) a manifest file.</summary>
    public static ManifestWriter Create(string path) =>
        new(new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\n" }, ownsWriter: true);

    /// <summary>
    /// Writes the <c>root</c> statement: the directory every path is relative to (absolute, or relative
    /// to the manifest's directory). Call it first, before any build statement.
    /// </summary>
    public void Root(string path)
    {
        Writable();
        if (!IsValidPath(path))
        {
            throw new ArgumentException($"'{path}' cannot be a manifest root: it must be non-empty and contain no control character", nameof(path));
        }

        _writer.Write("root ");
        _writer.Write(EscapePath(path));
        _writer.Write('\n');
    }

    /// <summary>Writes a comment line.</summary>
    public void Comment(string text)
    {
        Writable();
        foreach (var line in text.Split('\n'))
        {
            _writer.Write("# ");
            _writer.Write(line);
            _writer.Write('\n');
        }
    }

    /// <summary>Writes a blank line (for people reading the file).</summary>
    public void BlankLine()
    {
        Writable();
        _writer.Write('\n');
    }

    /// <summary>Sets a variable of the global environment.</summary>
    public void Variable(string name, string value)
    {
        Writable();
        CheckName(name);
        WriteAssignment(indent: false, name, value);
    }

    /// <summary>Defines a named environment with its variables.</summary>
    public void Environment(string name, IEnumerable<KeyValuePair<string, string>> variables, string? parent = null)
    {
        Writable();
        CheckName(name);
        _writer.Write("env ");
        _writer.Write(name);
        if (parent is not null)
        {
            CheckName(parent);
            _writer.Write(" : ");
            _writer.Write(parent);
        }

        _writer.Write('\n');
        foreach (var (key, value) in variables)
        {
            CheckName(key);
            WriteAssignment(indent: true, key, value);
        }
    }

    /// <summary>Switches the environment used by the statements below ("default" for the global one).</summary>
    public void Use(string environment)
    {
        Writable();
        CheckName(environment);
        _writer.Write("use ");
        _writer.Write(environment);
        _writer.Write('\n');
    }

    /// <summary>Writes one build statement.</summary>
    public void Build(
        IReadOnlyList<string> targets,
        string builder,
        IReadOnlyList<string> sources,
        IReadOnlyList<string>? depends = null,
        IReadOnlyList<string>? orderOnly = null,
        IReadOnlyList<KeyValuePair<string, string>>? overrides = null,
        IReadOnlyList<string>? ignore = null,
        IReadOnlyList<string>? sideEffects = null)
    {
        Writable();
        if (targets.Count == 0)
        {
            throw new ArgumentException("a build statement needs at least one target", nameof(targets));
        }

        CheckName(builder);
        _writer.Write("build");
        WritePaths(targets);
        _writer.Write(": ");
        _writer.Write(builder);
        WritePaths(sources);
        if (depends is { Count: > 0 })
        {
            _writer.Write(" |");
            WritePaths(depends);
        }

        if (orderOnly is { Count: > 0 })
        {
            _writer.Write(" ||");
            WritePaths(orderOnly);
        }

        _writer.Write('\n');
        if (ignore is { Count: > 0 })
        {
            WritePathAssignment("ignore", ignore);
        }

        if (sideEffects is { Count: > 0 })
        {
            WritePathAssignment("side-effects", sideEffects);
        }

        if (overrides is not null)
        {
            foreach (var (key, value) in overrides)
            {
                CheckName(key);
                WriteAssignment(indent: true, key, value);
            }
        }
    }

    /// <summary>Shorthand for a one-target, one-builder statement.</summary>
    public void Build(string target, string builder, params string[] sources) => Build([target], builder, sources);

    /// <summary>Writes an alias.</summary>
    public void Alias(string name, IReadOnlyList<string> targets)
    {
        Writable();
        CheckPath(name);
        _writer.Write("alias ");
        _writer.Write(EscapePath(name));
        _writer.Write(':');
        WritePaths(targets);
        _writer.Write('\n');
    }

    /// <summary>Writes the default targets.</summary>
    public void Default(IReadOnlyList<string> targets)
    {
        Writable();
        _writer.Write("default");
        WritePaths(targets);
        _writer.Write('\n');
    }

    /// <summary>Writes the closing <c>end</c> line; nothing may be written after it.</summary>
    public void End()
    {
        Writable();
        _writer.Write(EndStatement);
        _writer.Write('\n');
        _ended = true;
    }

    /// <summary>Flushes buffered text.</summary>
    public void Flush() => _writer.Flush();

    /// <inheritdoc />
    public void Dispose()
    {
        _writer.Flush();
        if (_ownsWriter)
        {
            _writer.Dispose();
        }
    }

    private void Writable()
    {
        if (_ended)
        {
            throw new InvalidOperationException("the manifest is ended: nothing may be written after 'end'");
        }
    }

    private void WriteAssignment(bool indent, string name, string value)
    {
        if (value.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException($"the value of {name} spans lines", nameof(value));
        }

        if (indent)
        {
            _writer.Write("  ");
        }

        _writer.Write(name);
        _writer.Write(" = ");
        _writer.Write(value.Trim());
        _writer.Write('\n');
    }

    private void WritePathAssignment(string name, IReadOnlyList<string> paths)
    {
        _writer.Write("  ");
        _writer.Write(name);
        _writer.Write(" =");
        WritePaths(paths);
        _writer.Write('\n');
    }

    private void WritePaths(IReadOnlyList<string> paths)
    {
        for (var i = 0; i < paths.Count; i++)
        {
            CheckPath(paths[i]);
            _writer.Write(' ');
            _writer.Write(EscapePath(paths[i]));
        }
    }

    /// <summary>Throws when a path cannot be written as one manifest token.</summary>
    public static void CheckPath(string path)
    {
        if (!IsValidPath(path))
        {
            throw new ArgumentException($"'{path}' cannot be a manifest path: paths are non-empty, contain no control character (tab, newline), do not start with '#' or end in ':' and are not '|' or '||'", nameof(path));
        }
    }

    /// <summary>
    /// True when a path can be written as one manifest token. Spaces and '$' are allowed: the
    /// writer escapes them (<see cref="EscapePath"/>); control characters are not.
    /// </summary>
    public static bool IsValidPath(string path) => IsValidPath(path.AsSpan());

    /// <summary>True when a path can be written as one manifest token (see <see cref="IsValidPath(string)"/>).</summary>
    public static bool IsValidPath(ReadOnlySpan<char> path)
    {
        if (path.Length == 0 || path is "|" or "||" || path[^1] == ':' || path[0] == '#')
        {
            return false;
        }

        foreach (var c in path)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A path as one token: a space is written '$ ' and a '$' is written '$$' (as Ninja escapes
    /// them). Paths with neither come back unchanged, so older manifests read the same.
    /// </summary>
    public static string EscapePath(string path)
    {
        if (path.AsSpan().IndexOfAny(' ', '$') < 0)
        {
            return path;
        }

        return path.Replace("$", "$$", StringComparison.Ordinal).Replace(" ", "$ ", StringComparison.Ordinal);
    }

    /// <summary>True when a variable, environment or builder name is valid: letters, digits, '_', '-' and '.'.</summary>
    public static bool IsValidName(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-' || c == '.'))
            {
                return false;
            }
        }

        return !name.IsEmpty;
    }

    private static void CheckName(string name)
    {
        if (!IsValidName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid name: use letters, digits, '_', '-' and '.'", nameof(name));
        }
    }
}
