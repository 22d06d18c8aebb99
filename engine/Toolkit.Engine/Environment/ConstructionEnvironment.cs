using System.Globalization;

namespace Toolkit.Engine.Environments;

/// <summary>
/// A construction environment (SCons's Environment): variables, an optional parent that lookups
/// fall through to, and substitution of command-line templates (see docs/manifest-format.md).
/// Each variable and template is expanded once per environment and cached: a template that uses
/// none of the action's paths comes back as the same string every time, others are filled from
/// pre-expanded segments in one pass. Caching freezes the environment and its ancestors: setting
/// a variable after the first substitution is an error, because cached expansions would go stale.
/// Cost: one dictionary of own variables; the cache (three small concurrent dictionaries) only once used.
/// Substitution has a budget (<see cref="MaxDepth"/>, <see cref="MaxExpansionChars"/>): a definition that
/// nests or grows without end fails with an error naming the variable and its manifest line, instead of
/// overflowing the stack or exhausting memory.
/// </summary>
public sealed class ConstructionEnvironment
{
    /// <summary>
    /// How deep variables may nest ($A uses $B uses $C...): 100. Real manifests nest a few levels (the
    /// defaults nest 3: $CCCOM, $_CPPINCFLAGS, $CPPPATH); each level costs two stack frames, so 100 stays
    /// far inside a worker thread's stack where a 100,000-deep chain overflowed it.
    /// </summary>
    public const int MaxDepth = 100;

    /// <summary>
    /// The longest a variable's expansion may be, before the action's paths are filled in: 1 MiB
    /// (1,048,576 characters). Linux refuses a single argument over 128 KiB and a whole command over
    /// 2 MiB, so no real command needs more; 40 levels of <c>$V = $W $W</c> would otherwise need 15 GB.
    /// </summary>
    public const int MaxExpansionChars = 1 << 20;

    private static readonly KeyValuePair<string, string>[] DefaultVariables =
    [
        new("CC", "cc"),
        new("CFLAGS", string.Empty),
        new("CCCOM", "$CC $CFLAGS $_CPPDEFFLAGS $_CPPINCFLAGS -c -o $TARGET $SOURCES"),
        new("AR", "ar"),
        new("ARCOM", "$AR rcs $TARGET $SOURCES"),
        new("LINK", "cc"),
        new("LINKFLAGS", string.Empty),
        new("LINKCOM", "$LINK $LINKFLAGS -o $TARGET $SOURCES"),
        new("COPYCOM", "cp $SOURCE $TARGET"),
        new("CPPPATH", string.Empty),
        new("CPPDEFINES", string.Empty),
    ];

    private readonly Dictionary<string, string> _variables;
    private Dictionary<string, int>? _variableLines;
    private EnvironmentCache? _cache;
    private volatile bool _frozen;

    /// <summary>
    /// Creates an environment with <paramref name="variables"/> (later duplicates win) under <paramref name="parent"/>;
    /// <paramref name="line"/> is the manifest line that defines them (0: none), named in substitution errors.
    /// </summary>
    public ConstructionEnvironment(IEnumerable<KeyValuePair<string, string>>? variables = null, ConstructionEnvironment? parent = null, string? name = null, int line = 0)
    {
        Parent = parent;
        Name = name;
        Line = line;
        _variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (variables is not null)
        {
            foreach (var pair in variables)
            {
                Set(pair.Key, pair.Value);
            }
        }
    }

    /// <summary>The defaults of the global environment, in the order of the manifest format's table.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Defaults => DefaultVariables;

    /// <summary>The environment lookups fall through to, or null for a root.</summary>
    public ConstructionEnvironment? Parent { get; }

    /// <summary>The name it was defined with (null for overrides).</summary>
    public string? Name { get; }

    /// <summary>The manifest line of the statement that defines this environment's variables (0 when none).</summary>
    public int Line { get; }

    /// <summary>Number of variables set on this environment itself (not its parents).</summary>
    public int OwnVariableCount => _variables.Count;

    /// <summary>The variables set on this environment itself, sorted by name.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> OwnVariables
    {
        get
        {
            var pairs = _variables.ToArray();
            Array.Sort(pairs, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            return pairs;
        }
    }

    /// <summary>A global environment holding the defaults of the manifest format.</summary>
    public static ConstructionEnvironment CreateDefault() => new(DefaultVariables, parent: null, name: EnvironmentTable.GlobalName);

    /// <summary>True for the variables whose value is a list (split on white space): CPPPATH, CPPDEFINES, LIBS, LIBPATH.</summary>
    public static bool IsListVariable(string name) => name is "CPPPATH" or "CPPDEFINES" or "LIBS" or "LIBPATH";

    /// <summary>Sets a variable on this environment. The value is trimmed, as the manifest reader trims it.</summary>
    public void Set(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (!TemplateCompiler.IsName(name))
        {
            throw new ArgumentException($"'{name}' is not a variable name (a letter or '_', then letters, digits or '_')", nameof(name));
        }

        if (_frozen)
        {
            throw new InvalidOperationException($"cannot set {name}: the environment{(Name is null ? string.Empty : " " + Name)} has been used for substitution and is frozen");
        }

        _variables[name] = value.Trim();
    }

    /// <summary>Sets a variable as <see cref="Set(string, string)"/> does, remembering the manifest line that sets it.</summary>
    public void Set(string name, string value, int line)
    {
        Set(name, value);
        if (line > 0)
        {
            (_variableLines ??= new Dictionary<string, int>(StringComparer.Ordinal))[name] = line;
        }
    }

    /// <summary>The manifest line that sets a variable, looked up as its value is (0 when unknown).</summary>
    public int LineOf(string name)
    {
        for (var environment = this; environment is not null; environment = environment.Parent)
        {
            if (environment._variables.ContainsKey(name))
            {
                return environment._variableLines is { } lines && lines.TryGetValue(name, out var line) ? line : environment.Line;
            }
        }

        return 0;
    }

    /// <summary>" (set on line N)" for a variable whose line is known, else empty: the place named in substitution errors.</summary>
    internal string Where(string name)
    {
        var line = LineOf(name);
        return line > 0 ? string.Create(CultureInfo.InvariantCulture, $" (set on line {line})") : string.Empty;
    }

    /// <summary>Looks a variable up here, then in the parents. The raw value, unsubstituted.</summary>
    public bool TryGetValue(string name, out string value)
    {
        for (var environment = this; environment is not null; environment = environment.Parent)
        {
            if (environment._variables.TryGetValue(name, out var found))
            {
                value = found;
                return true;
            }
        }

        value = string.Empty;
        return false;
    }

    /// <summary>True when the variable is defined here or in a parent.</summary>
    public bool IsDefined(string name) => TryGetValue(name, out _);

    /// <summary>A child environment holding <paramref name="overrides"/>, which shadow this one's variables.</summary>
    public ConstructionEnvironment CreateOverride(IEnumerable<KeyValuePair<string, string>> overrides, int line = 0) => new(overrides, this, name: null, line);

    /// <summary>
    /// A list variable's entries: its substituted value split on white space (empty when defined
    /// nowhere). Cached per environment. Throws <see cref="SubstitutionException"/> when the value
    /// cannot be substituted or uses the action's paths.
    /// </summary>
    public IReadOnlyList<string> GetList(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var cache = Cache();
        if (cache.Lists.TryGetValue(name, out var list))
        {
            return list;
        }

        list = IsDefined(name) || name.StartsWith('_') ? SplitConstant(name, new List<string>()) : [];
        return cache.Lists.GetOrAdd(name, list);
    }

    /// <summary>
    /// Substitutes a command-line template for one action: variables expanded recursively in this
    /// environment, <c>$$</c> to <c>$</c>, the path variables from <paramref name="paths"/>, runs of
    /// white space collapsed to one space and the ends trimmed. Throws <see cref="SubstitutionException"/>
    /// naming the variable that is undefined, the chain of a cycle, or the malformed <c>$</c>.
    /// </summary>
    public string Substitute(string template, ActionPaths paths)
    {
        ArgumentNullException.ThrowIfNull(template);
        var templates = Cache().Templates;
        if (!templates.TryGetValue(template, out var compiled))
        {
            compiled = templates.GetOrAdd(template, TemplateCompiler.Compile(this, template, new List<string>()));
        }

        return compiled.Render(paths);
    }

    /// <summary>Substitutes a template that uses none of the action's paths.</summary>
    public string Substitute(string template) => Substitute(template, ActionPaths.None);

    /// <inheritdoc />
    public override string ToString() => Name ?? $"override of {Parent?.ToString() ?? "nothing"} ({_variables.Count} variables)";

    /// <summary>The compiled expansion of a variable in this environment; <paramref name="chain"/> detects cycles.</summary>
    internal CompiledTemplate GetCompiledVariable(string name, List<string> chain)
    {
        var variables = Cache().Variables;
        if (variables.TryGetValue(name, out var compiled))
        {
            return compiled;
        }

        var repeat = chain.IndexOf(name);
        if (repeat >= 0)
        {
            var cycle = string.Join(" -> ", chain.Skip(repeat)) + " -> " + name;
            throw new SubstitutionException($"variable cycle: {cycle}{Where(name)}", name);
        }

        if (chain.Count >= MaxDepth)
        {
            var path = string.Join(" -> ", chain.Take(3)) + " -> ... -> " + string.Join(" -> ", chain.Skip(chain.Count - 2)) + " -> " + name;
            throw new SubstitutionException(
                string.Create(CultureInfo.InvariantCulture, $"variables nest more than {MaxDepth} deep: {path}{Where(name)}; the limit keeps a runaway definition from overflowing the stack"),
                name);
        }

        chain.Add(name);
        try
        {
            compiled = name switch
            {
                "_CPPINCFLAGS" => PrefixList("-I", "CPPPATH", chain),
                "_CPPDEFFLAGS" => PrefixList("-D", "CPPDEFINES", chain),
                _ => TemplateCompiler.Compile(this, LookUp(name, chain), chain),
            };
        }
        finally
        {
            chain.RemoveAt(chain.Count - 1);
        }

        return variables.GetOrAdd(name, compiled);
    }

    private string LookUp(string name, List<string> chain)
    {
        if (TryGetValue(name, out var value))
        {
            return value;
        }

        var usedBy = chain.Count > 1 ? $" (used by {string.Join(" -> ", chain.Take(chain.Count - 1))}{Where(chain[^2])})" : string.Empty;
        throw new SubstitutionException($"undefined variable ${name}{usedBy}", name);
    }

    private CompiledTemplate PrefixList(string prefix, string listName, List<string> chain)
    {
        if (!IsDefined(listName))
        {
            return CompiledTemplate.Empty;
        }

        var entries = SplitConstant(listName, chain);
        if (entries.Length == 0)
        {
            return CompiledTemplate.Empty;
        }

        var text = prefix + string.Join(" " + prefix, entries);
        return new CompiledTemplate([new TemplateSegment(text, PathSlot.None)]);
    }

    private string[] SplitConstant(string name, List<string> chain)
    {
        var compiled = GetCompiledVariable(name, chain);
        if (compiled.Constant is null)
        {
            throw new SubstitutionException(
                string.Create(CultureInfo.InvariantCulture, $"{name} uses $TARGET, $TARGETS, $SOURCE or $SOURCES, which a list variable cannot"),
                name);
        }

        return compiled.Constant.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private EnvironmentCache Cache()
    {
        var cache = _cache;
        if (cache is not null)
        {
            return cache;
        }

        for (var environment = this; environment is not null; environment = environment.Parent)
        {
            environment._frozen = true;
        }

        var created = new EnvironmentCache();
        return Interlocked.CompareExchange(ref _cache, created, null) ?? created;
    }
}
