namespace Toolkit.Engine.Scanning;

/// <summary>
/// The value gcc gives a character constant in <c>#if</c>: a plain one is a <c>char</c> (signed unless
/// <c>-funsigned-char</c>), a multi-character one packs its chars big-endian into an <c>int</c>, a wide
/// (<c>L</c>, <c>u</c>, <c>U</c>) one is the code point of its first character. Escapes: the simple ones,
/// octal, hex, and <c>\u</c>/<c>\U</c>.
/// </summary>
internal static class CharacterValue
{
    /// <summary>The value of the character constant spelled <paramref name="literal"/> (prefix and quotes included).</summary>
    public static long Of(string literal, bool unsignedChar)
    {
        var quote = literal.IndexOf('\'', StringComparison.Ordinal);
        var prefix = quote < 0 ? string.Empty : literal[..quote];
        var end = literal.Length > quote + 1 && literal[^1] == '\'' ? literal.Length - 1 : literal.Length;
        var chars = new List<long>();
        for (var i = quote + 1; i < end;)
        {
            chars.Add(Next(literal, ref i, end));
        }

        if (chars.Count == 0)
        {
            return 0;
        }

        if (prefix.Length > 0 && prefix != "u8")
        {
            return chars[0];
        }

        if (chars.Count == 1)
        {
            var narrow = chars[0] & 0xFF;
            return unsignedChar || narrow < 0x80 ? narrow : narrow - 0x100;
        }

        long packed = 0;
        foreach (var c in chars)
        {
            packed = unchecked((packed << 8) | (c & 0xFF));
        }

        return unchecked((int)packed);
    }

    private static long Next(string text, ref int i, int end)
    {
        var c = text[i++];
        if (c != '\\' || i >= end)
        {
            return c;
        }

        var e = text[i++];
        switch (e)
        {
            case 'n': return '\n';
            case 't': return '\t';
            case 'r': return '\r';
            case 'a': return 7;
            case 'b': return 8;
            case 'f': return 12;
            case 'v': return 11;
            case 'e' or 'E': return 27;
            case 'x': return Digits(text, ref i, end, 16, int.MaxValue);
            case 'u': return Digits(text, ref i, end, 16, 4);
            case 'U': return Digits(text, ref i, end, 16, 8);
            case >= '0' and <= '7':
                i--;
                return Digits(text, ref i, end, 8, 3);
            default: return e;
        }
    }

    private static long Digits(string text, ref int i, int end, int radix, int max)
    {
        long value = 0;
        for (var n = 0; n < max && i < end; n++)
        {
            var digit = HexDigit(text[i]);
            if (digit < 0 || digit >= radix)
            {
                break;
            }

            value = unchecked((value * radix) + digit);
            i++;
        }

        return value;
    }

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
