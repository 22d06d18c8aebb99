using System.Globalization;
using System.Text;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// Expands the macros of one directive line as gcc's cpp does: a stack of contexts (the line, then
/// each replacement being rescanned), a macro disabled while its replacement is on the stack and a
/// name met meanwhile painted so it never expands again, a function-like macro's '(' looked for past
/// the end of the replacement that named it, arguments collected unexpanded and expanded on their own
/// before substitution. In <c>#if</c> mode it also evaluates <c>defined</c> and the compiler's operators
/// (<c>__has_include</c>, <c>__has_attribute</c>...) on their unexpanded operands. Built-ins:
/// <c>__FILE__</c>, <c>__LINE__</c>, <c>__COUNTER__</c>, <c>__INCLUDE_LEVEL__</c>, <c>__BASE_FILE__</c>.
/// One expander per line; allocation is per expansion, nothing is kept.
/// </summary>
internal sealed class MacroExpander
{
    /// <summary>Expansions deeper than this stop (a runaway <c>#define A B</c>/<c>#define B A</c> chain cannot happen, but a million-step one could).</summary>
    private const int MaxContexts = 20_000;

    /// <summary>
    /// Arguments nested deeper than this (<c>F(F(F(...)))</c>) are left unexpanded: each level is a nested
    /// expander on the stack, so this bounds a hostile line's stack use; no real header nests so deep.
    /// </summary>
    private const int MaxArgumentDepth = 200;

    private static readonly PpToken Zero = new(PpTokenKind.Number, "0");
    private static readonly PpToken One = new(PpTokenKind.Number, "1");

    private readonly MacroTable _macros;
    private readonly IExpansionHost _host;
    private readonly bool _conditional;
    private readonly Macro[] _outerDisabled;
    private readonly int _depth;
    private readonly List<Context> _contexts = [];

    private sealed class Context(PpToken[] tokens, int position, int end, Macro? macro)
    {
        public PpToken[] Tokens { get; } = tokens;

        public int Position { get; set; } = position;

        public int End { get; } = end;

        public Macro? Macro { get; } = macro;
    }

    private MacroExpander(MacroTable macros, IExpansionHost host, bool conditional, Macro[] outerDisabled, int depth = 0)
    {
        _macros = macros;
        _host = host;
        _conditional = conditional;
        _outerDisabled = outerDisabled;
        _depth = depth;
    }

    /// <summary>The tokens of <paramref name="tokens"/> from <paramref name="start"/> on, fully expanded.</summary>
    public static List<PpToken> Expand(PpToken[] tokens, int start, MacroTable macros, IExpansionHost host, bool conditional) =>
        new MacroExpander(macros, host, conditional, []).Run(tokens, start, tokens.Length);

    /// <summary>Reads a header name from expanded tokens: <c>"x.h"</c>, <c>&lt;x.h&gt;</c> as one token, or <c>&lt;</c> tokens <c>&gt;</c> spelled with single spaces.</summary>
    public static bool TryHeaderName(IReadOnlyList<PpToken> tokens, out string name, out bool isAngle)
    {
        name = string.Empty;
        isAngle = false;
        if (tokens.Count == 0)
        {
            return false;
        }

        var first = tokens[0];
        if (first.Kind == PpTokenKind.StringLiteral && first.Text.Length >= 2 && first.Text[0] == '"')
        {
            name = first.Text[1..^1];
            return name.Length > 0;
        }

        isAngle = true;
        if (first.Kind == PpTokenKind.HeaderName)
        {
            name = first.Text[1..^1];
            return name.Length > 0;
        }

        if (!first.Is("<"))
        {
            return false;
        }

        var text = new StringBuilder();
        for (var i = 1; i < tokens.Count; i++)
        {
            if (tokens[i].Is(">"))
            {
                name = text.ToString();
                return name.Length > 0;
            }

            if (text.Length > 0 && tokens[i].HasSpaceBefore)
            {
                text.Append(' ');
            }

            text.Append(tokens[i].Text);
        }

        return false;
    }

    private List<PpToken> Run(PpToken[] tokens, int start, int end)
    {
        _contexts.Add(new Context(tokens, start, end, null));
        var output = new List<PpToken>();
        while (TryNext(out var token))
        {
            if (token.Kind != PpTokenKind.Identifier || token.IsNoExpand)
            {
                output.Add(token);
            }
            else if (_conditional && token.Text == "defined")
            {
                output.Add(Defined());
            }
            else if (_conditional && _host.IsOperator(token.Text))
            {
                output.Add(Operator(token.Text));
            }
            else if (Builtin(token) is { } builtin)
            {
                output.Add(builtin);
            }
            else
            {
                ExpandName(token, output);
            }
        }

        return output;
    }

    private void ExpandName(PpToken token, List<PpToken> output)
    {
        var macro = _macros.Find(token.Text);
        if (macro is null)
        {
            output.Add(token);
            return;
        }

        if (IsDisabled(macro))
        {
            output.Add(token.With(PpTokenFlags.NoExpand, true));
            return;
        }

        if (_contexts.Count >= MaxContexts)
        {
            output.Add(token);
            return;
        }

        if (!macro.IsFunction)
        {
            Push(MacroSubstitution.Substitute(macro, null, token, ExpandArgument), macro);
            return;
        }

        if (!NextIsOpenParen())
        {
            output.Add(token);
            return;
        }

        TryNext(out _);
        var arguments = CollectArguments(macro);
        if (arguments is null)
        {
            // Wrong argument count or no closing ')': gcc reports it and expands nothing.
            output.Add(token.With(PpTokenFlags.NoExpand, true));
            return;
        }

        Push(MacroSubstitution.Substitute(macro, arguments, token, ExpandArgument), macro);
    }

    private List<PpToken> ExpandArgument(List<PpToken> argument)
    {
        if (argument.Count == 0 || _depth >= MaxArgumentDepth)
        {
            return argument;
        }

        var disabled = new List<Macro>(_outerDisabled);
        foreach (var context in _contexts)
        {
            if (context.Macro is not null)
            {
                disabled.Add(context.Macro);
            }
        }

        return new MacroExpander(_macros, _host, _conditional, disabled.ToArray(), _depth + 1).Run(argument.ToArray(), 0, argument.Count);
    }

    private bool IsDisabled(Macro macro)
    {
        for (var i = _contexts.Count - 1; i >= 0; i--)
        {
            if (ReferenceEquals(_contexts[i].Macro, macro))
            {
                return true;
            }
        }

        return Array.IndexOf(_outerDisabled, macro) >= 0;
    }

    private void Push(PpToken[] replacement, Macro macro) => _contexts.Add(new Context(replacement, 0, replacement.Length, macro));

    private bool TryNext(out PpToken token)
    {
        while (true)
        {
            var context = _contexts[^1];
            if (context.Position < context.End)
            {
                token = context.Tokens[context.Position++];
                return true;
            }

            if (_contexts.Count == 1)
            {
                token = default;
                return false;
            }

            _contexts.RemoveAt(_contexts.Count - 1);
        }
    }

    private bool NextIsOpenParen()
    {
        while (true)
        {
            var context = _contexts[^1];
            if (context.Position < context.End)
            {
                return context.Tokens[context.Position].Is("(");
            }

            if (_contexts.Count == 1)
            {
                return false;
            }

            _contexts.RemoveAt(_contexts.Count - 1);
        }
    }

    /// <summary>The arguments after the '(' of an invocation, unexpanded; null when malformed.</summary>
    private List<PpToken>[]? CollectArguments(Macro macro)
    {
        var arguments = new List<List<PpToken>> { new() };
        var depth = 0;
        while (TryNext(out var token))
        {
            if (token.Is("("))
            {
                depth++;
            }
            else if (token.Is(")"))
            {
                if (depth == 0)
                {
                    return Complete(macro, arguments);
                }

                depth--;
            }
            else if (token.Is(",") && depth == 0 && !(macro.IsVariadic && arguments.Count == macro.Parameters.Length))
            {
                arguments.Add([]);
                continue;
            }

            arguments[^1].Add(token);
        }

        return null;
    }

    private static List<PpToken>[]? Complete(Macro macro, List<List<PpToken>> arguments)
    {
        var wanted = macro.Parameters.Length;
        if (wanted == 0)
        {
            return arguments.Count == 1 && arguments[0].Count == 0 ? [] : null;
        }

        if (arguments.Count == wanted - 1 && macro.IsVariadic)
        {
            arguments.Add([]);
        }

        return arguments.Count == wanted ? arguments.ToArray() : null;
    }

    /// <summary><c>defined NAME</c> or <c>defined ( NAME )</c>, its operand not expanded.</summary>
    private PpToken Defined()
    {
        if (!TryNext(out var token))
        {
            return Zero;
        }

        var parenthesized = token.Is("(");
        if (parenthesized && !TryNext(out token))
        {
            return Zero;
        }

        var defined = token.Kind == PpTokenKind.Identifier && (_macros.IsDefined(token.Text) || IsBuiltinName(token.Text) || _host.IsOperator(token.Text));
        if (parenthesized)
        {
            TryNext(out _);
        }

        return defined ? One : Zero;
    }

    /// <summary>An operator such as <c>__has_include(&lt;x.h&gt;)</c>: its operand read to the matching ')'.</summary>
    private PpToken Operator(string name)
    {
        if (!NextIsOpenParen())
        {
            return Zero;
        }

        TryNext(out _);
        var operand = new List<PpToken>();
        var depth = 0;
        while (TryNext(out var token) && !(token.Is(")") && depth == 0))
        {
            depth += token.Is("(") ? 1 : token.Is(")") ? -1 : 0;
            operand.Add(token);
        }

        if (name is "__has_include" or "__has_include_next")
        {
            var header = operand.Count > 0 && operand[0].Kind is PpTokenKind.HeaderName or PpTokenKind.StringLiteral
                ? operand
                : new MacroExpander(_macros, _host, conditional: false, _outerDisabled, _depth + 1).Run(operand.ToArray(), 0, operand.Count);
            return TryHeaderName(header, out var file, out var isAngle) && _host.HasInclude(file, isAngle, name == "__has_include_next") ? One : Zero;
        }

        var text = string.Concat(operand.Select(token => token.Text));
        var value = _host.EvaluateOperator(name, text);
        return new PpToken(PpTokenKind.Number, value.ToString(CultureInfo.InvariantCulture));
    }

    private static bool IsBuiltinName(string name) => name is "__FILE__" or "__LINE__" or "__COUNTER__" or "__INCLUDE_LEVEL__" or "__BASE_FILE__" or "__DATE__" or "__TIME__" or "__TIMESTAMP__";

    private PpToken? Builtin(PpToken token)
    {
        var flags = token.Flags & PpTokenFlags.SpaceBefore;
        return token.Text switch
        {
            "__FILE__" => new PpToken(PpTokenKind.StringLiteral, Quote(_host.CurrentFile), flags),
            "__BASE_FILE__" => new PpToken(PpTokenKind.StringLiteral, Quote(_host.BaseFile), flags),
            "__LINE__" => new PpToken(PpTokenKind.Number, _host.CurrentLine.ToString(CultureInfo.InvariantCulture), flags),
            "__COUNTER__" => new PpToken(PpTokenKind.Number, _host.NextCounter().ToString(CultureInfo.InvariantCulture), flags),
            "__INCLUDE_LEVEL__" => new PpToken(PpTokenKind.Number, _host.IncludeLevel.ToString(CultureInfo.InvariantCulture), flags),
            _ => null,
        };
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
