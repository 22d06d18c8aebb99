namespace Toolkit.Engine.Scanning;

/// <summary>
/// The macros in force in one translation unit. A unit starts from a copy of its configuration's base
/// table (the compiler's predefined macros and the command line's <c>-D</c>/<c>-U</c>), so units never
/// share mutable state; <c>#pragma push_macro</c>/<c>pop_macro</c> keep a stack per name. Costs one
/// dictionary entry per macro (the <see cref="Macro"/> objects themselves are shared).
/// </summary>
internal sealed class MacroTable
{
    private readonly Dictionary<string, Macro> _macros;
    private Dictionary<string, Stack<Macro?>>? _pushed;

    public MacroTable()
    {
        _macros = new Dictionary<string, Macro>(StringComparer.Ordinal);
    }

    private MacroTable(Dictionary<string, Macro> macros)
    {
        _macros = new Dictionary<string, Macro>(macros, StringComparer.Ordinal);
    }

    /// <summary>How many macros are defined.</summary>
    public int Count => _macros.Count;

    /// <summary>A copy that can change without changing this one.</summary>
    public MacroTable Clone() => new(_macros);

    /// <summary>The macro named <paramref name="name"/>, or null.</summary>
    public Macro? Find(string name) => _macros.GetValueOrDefault(name);

    /// <summary>True when <paramref name="name"/> is defined.</summary>
    public bool IsDefined(string name) => _macros.ContainsKey(name);

    /// <summary>Defines (or redefines) a macro.</summary>
    public void Define(Macro macro) => _macros[macro.Name] = macro;

    /// <summary>Removes a macro (no effect when it is not defined).</summary>
    public void Undefine(string name) => _macros.Remove(name);

    /// <summary><c>#pragma push_macro("name")</c>: remembers the current definition (or its absence).</summary>
    public void Push(string name)
    {
        _pushed ??= new Dictionary<string, Stack<Macro?>>(StringComparer.Ordinal);
        if (!_pushed.TryGetValue(name, out var stack))
        {
            stack = new Stack<Macro?>();
            _pushed.Add(name, stack);
        }

        stack.Push(Find(name));
    }

    /// <summary><c>#pragma pop_macro("name")</c>: restores the last pushed definition; no effect without a push.</summary>
    public void Pop(string name)
    {
        if (_pushed is null || !_pushed.TryGetValue(name, out var stack) || stack.Count == 0)
        {
            return;
        }

        if (stack.Pop() is { } macro)
        {
            Define(macro);
        }
        else
        {
            Undefine(name);
        }
    }

    /// <summary>Applies a <c>-D</c> (<c>NAME</c>, <c>NAME=VALUE</c>, <c>F(x)=VALUE</c>) as gcc does; false when malformed.</summary>
    public bool ApplyCommandLineDefine(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var line = equals < 0 ? text + " 1" : string.Concat(text.AsSpan(0, equals), " ", text.AsSpan(equals + 1));
        var macro = Macro.Parse(PpLexer.Lex(line));
        if (macro is null)
        {
            return false;
        }

        Define(macro);
        return true;
    }
}
