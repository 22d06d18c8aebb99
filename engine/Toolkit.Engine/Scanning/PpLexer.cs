namespace Toolkit.Engine.Scanning;

/// <summary>
/// Splits one logical directive line (continuations spliced, comments already replaced by a space)
/// into preprocessing tokens, as C11 6.4 and gcc do: identifiers (with <c>$</c> and non-ASCII letters,
/// as gcc accepts them), pp-numbers, character and string literals with their prefixes, punctuators
/// by longest match (digraphs included), and header names where gcc lexes them: as the first token
/// of an include-like directive and right after <c>__has_include(</c> or <c>__has_include_next(</c>.
/// An unterminated literal ends at the end of the line, as gcc recovers.
/// </summary>
internal static class PpLexer
{
    // Three-character punctuators first, then two: longest match.
    private static readonly string[] Punctuators3 = ["...", "<<=", ">>=", "%:%:"];

    private static readonly string[] Punctuators2 =
    [
        "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "*=", "/=", "%=", "+=", "-=",
        "&=", "^=", "|=", "##", "<:", ":>", "<%", "%>", "%:", "::",
    ];

    /// <summary>The tokens of <paramref name="line"/>; <paramref name="headerNameFirst"/> lexes a leading <c>&lt;...&gt;</c> as one header name.</summary>
    public static PpToken[] Lex(string line, bool headerNameFirst = false)
    {
        var tokens = new List<PpToken>();
        var i = 0;
        var space = false;
        while (i < line.Length)
        {
            var c = line[i];
            if (c is ' ' or '\t' or '\f' or '\v' or '\r' or '\n')
            {
                space = true;
                i++;
                continue;
            }

            var flags = space ? PpTokenFlags.SpaceBefore : PpTokenFlags.None;
            space = false;
            var wantHeader = c == '<' && (tokens.Count == 0 ? headerNameFirst : AfterHasInclude(tokens));
            var start = i;
            var kind = wantHeader && TryHeaderName(line, ref i) ? PpTokenKind.HeaderName : LexOne(line, ref i);
            tokens.Add(new PpToken(kind, line[start..i], flags));
        }

        return tokens.Count == 0 ? [] : tokens.ToArray();
    }

    private static bool AfterHasInclude(List<PpToken> tokens) =>
        tokens.Count >= 2 && tokens[^1].Is("(") && tokens[^2].Kind == PpTokenKind.Identifier && tokens[^2].Text is "__has_include" or "__has_include_next";

    private static bool TryHeaderName(string line, ref int i)
    {
        var close = line.IndexOf('>', i + 1);
        if (close < 0)
        {
            return false;
        }

        i = close + 1;
        return true;
    }

    private static PpTokenKind LexOne(string line, ref int i)
    {
        var c = line[i];
        if (IsIdentifierStart(c))
        {
            var start = i;
            while (i < line.Length && IsIdentifierPart(line[i]))
            {
                i++;
            }

            if (i < line.Length && line[i] is '\'' or '"' && IsLiteralPrefix(line.AsSpan(start, i - start)))
            {
                var quote = line[i];
                i = LiteralEnd(line, i);
                return quote == '"' ? PpTokenKind.StringLiteral : PpTokenKind.CharLiteral;
            }

            return PpTokenKind.Identifier;
        }

        if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < line.Length && char.IsAsciiDigit(line[i + 1])))
        {
            i = NumberEnd(line, i);
            return PpTokenKind.Number;
        }

        if (c is '\'' or '"')
        {
            i = LiteralEnd(line, i);
            return c == '"' ? PpTokenKind.StringLiteral : PpTokenKind.CharLiteral;
        }

        foreach (var punctuator in Punctuators3)
        {
            if (string.CompareOrdinal(line, i, punctuator, 0, punctuator.Length) == 0)
            {
                i += punctuator.Length;
                return PpTokenKind.Punctuator;
            }
        }

        foreach (var punctuator in Punctuators2)
        {
            if (string.CompareOrdinal(line, i, punctuator, 0, 2) == 0)
            {
                i += 2;
                return PpTokenKind.Punctuator;
            }
        }

        i++;
        return "[](){}.&*+-~!/%<>^|?:;=,#".Contains(c, StringComparison.Ordinal) ? PpTokenKind.Punctuator : PpTokenKind.Other;
    }

    private static bool IsLiteralPrefix(ReadOnlySpan<char> prefix) => prefix is "L" or "u" or "U" or "u8";

    /// <summary>The end of a pp-number: digits, letters, '_', '.', exponent signs and C23 digit separators.</summary>
    private static int NumberEnd(string line, int i)
    {
        i++;
        while (i < line.Length)
        {
            var c = line[i];
            if (c is '+' or '-' && line[i - 1] is 'e' or 'E' or 'p' or 'P')
            {
                i++;
            }
            else if (c == '\'' && i + 1 < line.Length && char.IsAsciiLetterOrDigit(line[i + 1]))
            {
                i += 2;
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.' || c > 0x7F)
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    /// <summary>The end of a literal whose opening quote is at <paramref name="i"/>; unterminated ones end the line.</summary>
    private static int LiteralEnd(string line, int i)
    {
        var quote = line[i];
        i++;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == quote)
            {
                return i + 1;
            }

            i += c == '\\' && i + 1 < line.Length ? 2 : 1;
        }

        return i;
    }

    /// <summary>True for a character that can start an identifier (gcc accepts '$' and UTF-8 letters).</summary>
    public static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c is '_' or '$' || c > 0x7F;

    /// <summary>True for a character that can continue an identifier.</summary>
    public static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' || c > 0x7F;
}
