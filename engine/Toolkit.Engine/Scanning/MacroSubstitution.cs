using System.Text;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// Argument substitution of one macro invocation (C11 6.10.3.1-3, with gcc's extensions): a parameter
/// is replaced by its fully expanded argument, except next to <c>#</c> (the argument's spelling as a
/// string literal) or <c>##</c> (its tokens unexpanded, then pasted into one token); <c>, ## __VA_ARGS__</c>
/// drops the comma when the variable arguments are empty (GNU), and <c>__VA_OPT__(...)</c> keeps its
/// contents only when they are not (C23, gcc 8+). Rescanning is the caller's (<see cref="MacroExpander"/>).
/// </summary>
internal static class MacroSubstitution
{
    private static readonly PpToken Placemarker = new(PpTokenKind.Placemarker, string.Empty);

    /// <summary>
    /// The replacement of <paramref name="macro"/> invoked as <paramref name="name"/> with
    /// <paramref name="arguments"/> (null for an object-like macro); <paramref name="expand"/> expands an argument.
    /// </summary>
    public static PpToken[] Substitute(Macro macro, List<PpToken>[]? arguments, PpToken name, Func<List<PpToken>, List<PpToken>> expand)
    {
        var expanded = arguments is null ? null : new List<PpToken>?[arguments.Length];
        var result = new List<PpToken>(macro.Body.Length);
        Append(result, macro, macro.Body, arguments, expanded, expand);
        result.RemoveAll(token => token.Kind == PpTokenKind.Placemarker);
        if (result.Count > 0)
        {
            result[0] = result[0].With(PpTokenFlags.SpaceBefore, name.HasSpaceBefore);
        }

        return result.ToArray();
    }

    private static void Append(List<PpToken> result, Macro macro, ReadOnlySpan<PpToken> body, List<PpToken>[]? arguments, List<PpToken>?[]? expanded, Func<List<PpToken>, List<PpToken>> expand)
    {
        for (var i = 0; i < body.Length; i++)
        {
            var token = body[i];
            if (arguments is not null && token.Is("#") && i + 1 < body.Length && body[i + 1].Kind == PpTokenKind.Parameter)
            {
                result.Add(Stringify(arguments[body[i + 1].Parameter], token.HasSpaceBefore));
                i++;
            }
            else if (token.Is("##") && result.Count > 0 && i + 1 < body.Length)
            {
                i = Paste(result, macro, body, i + 1, arguments, expanded, expand);
            }
            else if (token.Kind == PpTokenKind.Parameter && arguments is not null)
            {
                var raw = i + 1 < body.Length && body[i + 1].Is("##");
                var tokens = raw ? arguments[token.Parameter] : (expanded![token.Parameter] ??= expand(arguments[token.Parameter]));
                AddArgument(result, tokens, token.HasSpaceBefore, placemarkerWhenEmpty: raw);
            }
            else if (arguments is not null && macro.IsVariadic && token.IsIdentifier("__VA_OPT__") && i + 1 < body.Length && body[i + 1].Is("("))
            {
                var close = MatchingParen(body, i + 1);
                if (arguments[^1].Count > 0)
                {
                    Append(result, macro, body[(i + 2)..close], arguments, expanded, expand);
                }
                else
                {
                    result.Add(Placemarker);
                }

                i = close;
            }
            else
            {
                result.Add(token);
            }
        }
    }

    /// <summary>Pastes the last token of <paramref name="result"/> with the operand at <paramref name="i"/>; returns the operand's last index.</summary>
    private static int Paste(List<PpToken> result, Macro macro, ReadOnlySpan<PpToken> body, int i, List<PpToken>[]? arguments, List<PpToken>?[]? expanded, Func<List<PpToken>, List<PpToken>> expand)
    {
        var operand = body[i];
        List<PpToken> right;
        if (operand.Kind == PpTokenKind.Parameter && arguments is not null)
        {
            right = arguments[operand.Parameter];
            var isVariadic = macro.IsVariadic && operand.Parameter == arguments.Length - 1;
            if (isVariadic && result[^1].Is(","))
            {
                // GNU comma elision: ", ## __VA_ARGS__" loses the comma when there are no variable arguments;
                // otherwise the arguments follow the comma unpasted and unexpanded (the rescan expands them), as in gcc.
                if (right.Count == 0)
                {
                    result.RemoveAt(result.Count - 1);
                }
                else
                {
                    AddArgument(result, right, operand.HasSpaceBefore, placemarkerWhenEmpty: false);
                }

                return i;
            }
        }
        else if (operand.IsIdentifier("__VA_OPT__") && arguments is not null && i + 1 < body.Length && body[i + 1].Is("("))
        {
            var close = MatchingParen(body, i + 1);
            right = [];
            if (arguments[^1].Count > 0)
            {
                Append(right, macro, body[(i + 2)..close], arguments, expanded, expand);
                right.RemoveAll(token => token.Kind == PpTokenKind.Placemarker);
            }

            PasteTokens(result, right);
            return close;
        }
        else
        {
            right = [operand];
        }

        PasteTokens(result, right);
        return i;
    }

    private static void PasteTokens(List<PpToken> result, List<PpToken> right)
    {
        var left = result[^1];
        if (left.Kind == PpTokenKind.Placemarker)
        {
            result.RemoveAt(result.Count - 1);
            AddArgument(result, right, left.HasSpaceBefore, placemarkerWhenEmpty: true);
            return;
        }

        if (right.Count == 0)
        {
            return;
        }

        var pasted = PpLexer.Lex(left.Text + right[0].Text);
        result.RemoveAt(result.Count - 1);
        for (var k = 0; k < pasted.Length; k++)
        {
            // A pasted token is a new token: a macro name made by ## is expanded on rescan.
            result.Add(k == 0 ? pasted[k].With(PpTokenFlags.SpaceBefore, left.HasSpaceBefore) : pasted[k]);
        }

        for (var k = 1; k < right.Count; k++)
        {
            result.Add(right[k]);
        }
    }

    private static void AddArgument(List<PpToken> result, List<PpToken> tokens, bool spaceBefore, bool placemarkerWhenEmpty)
    {
        if (tokens.Count == 0)
        {
            if (placemarkerWhenEmpty)
            {
                result.Add(Placemarker.With(PpTokenFlags.SpaceBefore, spaceBefore));
            }

            return;
        }

        result.Add(tokens[0].With(PpTokenFlags.SpaceBefore, spaceBefore));
        for (var k = 1; k < tokens.Count; k++)
        {
            result.Add(tokens[k]);
        }
    }

    private static int MatchingParen(ReadOnlySpan<PpToken> body, int open)
    {
        var depth = 0;
        for (var i = open; i < body.Length; i++)
        {
            if (body[i].Is("("))
            {
                depth++;
            }
            else if (body[i].Is(")") && --depth == 0)
            {
                return i;
            }
        }

        return body.Length - 1;
    }

    /// <summary>The argument's spelling as a string literal: one space where white space was, <c>"</c> and <c>\</c> escaped inside literals.</summary>
    public static PpToken Stringify(List<PpToken> tokens, bool spaceBefore)
    {
        var text = new StringBuilder("\"");
        for (var k = 0; k < tokens.Count; k++)
        {
            var token = tokens[k];
            if (k > 0 && token.HasSpaceBefore)
            {
                text.Append(' ');
            }

            if (token.Kind is PpTokenKind.StringLiteral or PpTokenKind.CharLiteral)
            {
                foreach (var c in token.Text)
                {
                    if (c is '"' or '\\')
                    {
                        text.Append('\\');
                    }

                    text.Append(c);
                }
            }
            else
            {
                text.Append(token.Text);
            }
        }

        text.Append('"');
        return new PpToken(PpTokenKind.StringLiteral, text.ToString(), spaceBefore ? PpTokenFlags.SpaceBefore : PpTokenFlags.None);
    }
}
