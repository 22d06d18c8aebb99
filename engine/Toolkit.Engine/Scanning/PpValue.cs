namespace Toolkit.Engine.Scanning;

/// <summary>
/// A value of a <c>#if</c> expression: 64 bits, signed (<c>intmax_t</c>) or unsigned (<c>uintmax_t</c>).
/// The bits are kept in a <c>long</c>; <see cref="IsUnsigned"/> says how to read them.
/// </summary>
internal readonly record struct PpValue(long Value, bool IsUnsigned)
{
    /// <summary>
    /// Applies a binary operator with the usual arithmetic conversions (either operand unsigned makes
    /// both unsigned); null for a division by zero in an evaluated operand. Comparisons and logical
    /// operators give a signed 0 or 1; shifts keep the left operand's type, as C says.
    /// </summary>
    public static PpValue? Apply(string op, PpValue left, PpValue right, bool evaluate)
    {
        var isUnsigned = left.IsUnsigned || right.IsUnsigned;
        var (a, b) = (left.Value, right.Value);
        var (ua, ub) = ((ulong)a, (ulong)b);
        switch (op)
        {
            case "||":
                return Bool(a != 0 || b != 0);
            case "&&":
                return Bool(a != 0 && b != 0);
            case "==":
                return Bool(a == b);
            case "!=":
                return Bool(a != b);
            case "<":
                return Bool(isUnsigned ? ua < ub : a < b);
            case ">":
                return Bool(isUnsigned ? ua > ub : a > b);
            case "<=":
                return Bool(isUnsigned ? ua <= ub : a <= b);
            case ">=":
                return Bool(isUnsigned ? ua >= ub : a >= b);
            case "<<":
                return new PpValue(Shift(a, b, left: true, left.IsUnsigned), left.IsUnsigned);
            case ">>":
                return new PpValue(Shift(a, b, left: false, left.IsUnsigned), left.IsUnsigned);
        }

        if (op is "/" or "%" && b == 0)
        {
            return evaluate ? null : new PpValue(0, isUnsigned);
        }

        var value = op switch
        {
            "|" => a | b,
            "^" => a ^ b,
            "&" => a & b,
            "+" => unchecked(a + b),
            "-" => unchecked(a - b),
            "*" => unchecked(a * b),
            "/" => isUnsigned ? (long)(ua / ub) : a == long.MinValue && b == -1 ? a : a / b,
            "%" => isUnsigned ? (long)(ua % ub) : b == -1 ? 0 : a % b,
            _ => 0,
        };
        return new PpValue(value, isUnsigned);
    }

    private static PpValue Bool(bool value) => new(value ? 1 : 0, false);

    /// <summary>A shift by a negative count shifts the other way; by 64 or more gives 0 (or -1 for a negative signed right shift), as gcc folds it.</summary>
    private static long Shift(long value, long count, bool left, bool isUnsigned)
    {
        if (count < 0)
        {
            (left, count) = (!left, count == long.MinValue ? 64 : -count);
        }

        if (count >= 64)
        {
            return left || isUnsigned || value >= 0 ? 0 : -1;
        }

        var bits = (int)count;
        return left ? value << bits : isUnsigned ? (long)((ulong)value >> bits) : value >> bits;
    }
}
