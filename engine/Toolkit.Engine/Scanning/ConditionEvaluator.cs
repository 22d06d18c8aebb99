using System.Globalization;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// Evaluates a macro-expanded <c>#if</c> expression as C11 6.10.1 and gcc do: integer constants of
/// <c>intmax_t</c> and <c>uintmax_t</c> (64 bits here) with the usual conversions, every operator of a
/// constant expression including <c>?:</c> and the comma, short-circuit evaluation (division by zero in
/// an operand not evaluated is no error), character constants with gcc's values, identifiers left after
/// expansion as 0 (<c>true</c>/<c>false</c> as 1/0 in C++ and C23). A malformed expression is an error
/// (gcc's too): the caller treats the group as false and warns.
/// </summary>
internal sealed class ConditionEvaluator
{
    /// <summary>
    /// Deepest nesting of parentheses and unary operators evaluated: each level costs about a dozen
    /// stack frames, so this bounds the stack a hostile <c>((((...</c> can take to well under the 1.5 MB
    /// of a pool thread; gcc's own recursion fails far later, no real header comes near.
    /// </summary>
    private const int MaxNesting = 256;

    private readonly List<PpToken> _tokens;
    private readonly bool _booleanKeywords;
    private readonly bool _unsignedChar;
    private int _position;
    private int _depth;

    private ConditionEvaluator(List<PpToken> tokens, bool booleanKeywords, bool unsignedChar)
    {
        _tokens = tokens;
        _booleanKeywords = booleanKeywords;
        _unsignedChar = unsignedChar;
    }

    /// <summary>An error in the expression.</summary>
    private sealed class SyntaxError(string message) : Exception(message);

    /// <summary>
    /// The truth of <paramref name="tokens"/>; null with <paramref name="error"/> set when the expression is
    /// malformed. <paramref name="booleanKeywords"/>: <c>true</c> and <c>false</c> are 1 and 0;
    /// <paramref name="unsignedChar"/>: plain <c>char</c> is unsigned (<c>__CHAR_UNSIGNED__</c>).
    /// </summary>
    public static bool? Evaluate(List<PpToken> tokens, bool booleanKeywords, bool unsignedChar, out string? error)
    {
        error = null;
        if (tokens.Count == 0)
        {
            error = "#if with no expression";
            return null;
        }

        var evaluator = new ConditionEvaluator(tokens, booleanKeywords, unsignedChar);
        try
        {
            var value = evaluator.Comma(evaluate: true);
            if (evaluator._position < tokens.Count)
            {
                throw new SyntaxError($"missing binary operator before token \"{tokens[evaluator._position].Text}\"");
            }

            return value.Value != 0;
        }
        catch (SyntaxError exception)
        {
            error = exception.Message;
            return null;
        }
    }

    private PpToken? Peek => _position < _tokens.Count ? _tokens[_position] : null;

    private bool Accept(string punctuator)
    {
        if (Peek is { } token && token.Is(punctuator))
        {
            _position++;
            return true;
        }

        return false;
    }

    private PpValue Comma(bool evaluate)
    {
        var value = Conditional(evaluate);
        while (Accept(","))
        {
            value = Conditional(evaluate);
        }

        return value;
    }

    private PpValue Conditional(bool evaluate)
    {
        var condition = Binary(0, evaluate);
        if (!Accept("?"))
        {
            return condition;
        }

        var taken = condition.Value != 0;
        var whenTrue = Comma(evaluate && taken);
        if (!Accept(":"))
        {
            throw new SyntaxError("'?' without following ':'");
        }

        var whenFalse = Conditional(evaluate && !taken);
        var isUnsigned = whenTrue.IsUnsigned || whenFalse.IsUnsigned;
        var chosen = taken ? whenTrue : whenFalse;
        return new PpValue(chosen.Value, isUnsigned);
    }

    /// <summary>Binary operators by precedence climbing; level 0 is <c>||</c>, 9 is <c>* / %</c>.</summary>
    private PpValue Binary(int level, bool evaluate)
    {
        if (level > 9)
        {
            return Unary(evaluate);
        }

        var left = Binary(level + 1, evaluate);
        while (Peek is { Kind: PpTokenKind.Punctuator } token && Level(token.Text) == level)
        {
            _position++;
            var op = token.Text;
            var evaluateRight = evaluate && !(op == "&&" && left.Value == 0) && !(op == "||" && left.Value != 0);
            var right = Binary(level + 1, evaluateRight);
            left = PpValue.Apply(op, left, right, evaluateRight) ?? throw new SyntaxError("division by zero in #if");
        }

        return left;
    }

    private static int Level(string op) => op switch
    {
        "||" => 0,
        "&&" => 1,
        "|" => 2,
        "^" => 3,
        "&" => 4,
        "==" or "!=" => 5,
        "<" or ">" or "<=" or ">=" => 6,
        "<<" or ">>" => 7,
        "+" or "-" => 8,
        "*" or "/" or "%" => 9,
        _ => -1,
    };

    private PpValue Unary(bool evaluate)
    {
        if (++_depth > MaxNesting)
        {
            throw new SyntaxError($"#if expression nested more than {MaxNesting} deep");
        }

        try
        {
            return UnaryAtDepth(evaluate);
        }
        finally
        {
            _depth--;
        }
    }

    private PpValue UnaryAtDepth(bool evaluate)
    {
        var token = Peek ?? throw new SyntaxError("#if expression ends too early");
        _position++;
        if (token.Kind == PpTokenKind.Punctuator)
        {
            switch (token.Text)
            {
                case "(":
                    var inner = Comma(evaluate);
                    return Accept(")") ? inner : throw new SyntaxError("missing ')' in expression");
                case "!":
                    return new PpValue(Unary(evaluate).Value == 0 ? 1 : 0, false);
                case "~":
                    var complemented = Unary(evaluate);
                    return complemented with { Value = ~complemented.Value };
                case "-":
                    var negated = Unary(evaluate);
                    return negated with { Value = unchecked(-negated.Value) };
                case "+":
                    return Unary(evaluate);
            }
        }

        return token.Kind switch
        {
            PpTokenKind.Number => Number(token.Text),
            PpTokenKind.CharLiteral => new PpValue(CharacterValue.Of(token.Text, _unsignedChar), false),
            PpTokenKind.Identifier => new PpValue(_booleanKeywords && token.Text == "true" ? 1 : 0, false),
            _ => throw new SyntaxError($"token \"{token.Text}\" is not valid in preprocessor expressions"),
        };
    }

    /// <summary>An integer pp-number: decimal, octal, hex or binary, with u/l/ll/z suffixes.</summary>
    private static PpValue Number(string text)
    {
        var digits = text.Replace("'", string.Empty, StringComparison.Ordinal);
        var end = digits.Length;
        var isUnsigned = false;
        while (end > 0 && digits[end - 1] is 'u' or 'U' or 'l' or 'L' or 'z' or 'Z')
        {
            isUnsigned |= digits[end - 1] is 'u' or 'U';
            end--;
        }

        var body = digits[..end];
        ulong value;
        bool parsed;
        if (body.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            parsed = ulong.TryParse(body.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
        else if (body.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
        {
            parsed = ulong.TryParse(body.AsSpan(2), NumberStyles.AllowBinarySpecifier, CultureInfo.InvariantCulture, out value);
        }
        else if (body.Length > 1 && body[0] == '0')
        {
            parsed = TryOctal(body, out value);
        }
        else
        {
            parsed = ulong.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        if (!parsed)
        {
            throw new SyntaxError(body.Contains('.', StringComparison.Ordinal) || body.Contains('e', StringComparison.OrdinalIgnoreCase)
                ? $"floating constant \"{text}\" in preprocessor expression"
                : $"invalid integer constant \"{text}\" in #if");
        }

        // A constant too big for intmax_t is unsigned (gcc warns "integer constant is so large that it is unsigned").
        return new PpValue(unchecked((long)value), isUnsigned || value > long.MaxValue);
    }

    private static bool TryOctal(string body, out ulong value)
    {
        value = 0;
        foreach (var c in body)
        {
            if (c is < '0' or > '7' || value > (ulong.MaxValue >> 3))
            {
                return false;
            }

            value = (value << 3) | (uint)(c - '0');
        }

        return true;
    }
}
