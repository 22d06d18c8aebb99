using System.Text;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// Finds the <c>#include</c> directives of a C or C++ file without running the preprocessor, as
/// SCons's CScanner does. It works on bytes in one pass (no regex, no line strings; the only
/// allocations are the header names and the result array, and with an <see cref="IncludeNames"/> table a name
/// seen before is not a new string; the directives are gathered in a per-thread list reused from file to file).
/// <para>What it understands: <c>//</c> and <c>/* */</c> comments (an include inside a comment is not
/// one), backslash-newline continuations, blanks and comments between <c>#</c> and the directive name,
/// <c>#include_next</c> (marked <see cref="IncludeDirective.IsNext"/>) and <c>#import</c> (as <c>#include</c>), and string and character
/// literals (a <c>"#include"</c> inside a string is text, not a directive).</para>
/// <para>What it deliberately does not do, being conservative: it does not evaluate conditionals, so the
/// includes in every branch of <c>#if/#ifdef/#ifndef/#elif/#else</c> count, even under <c>#if 0</c>; an
/// include guard therefore has no effect on the result. A header found this way that the compiler would
/// not open is an extra dependency (an unneeded rebuild), never a missed one. Computed includes
/// (<c>#include MACRO</c>) cannot be followed without macro expansion (SCons skips them too): they are
/// kept, marked <see cref="IncludeDirective.IsComputed"/> with their text, so the scanner can name them
/// in a warning. C++ raw string literals and trigraphs are not recognised.</para>
/// </summary>
public static class IncludeParser
{
    /// <summary>The directives of <paramref name="contents"/> in file order.</summary>
    public static IncludeDirective[] Parse(ReadOnlySpan<byte> contents) => Parse(contents, null);

    /// <summary>The directives of <paramref name="contents"/> in file order, header names taken from <paramref name="names"/> (null: a string per name).</summary>
    public static IncludeDirective[] Parse(ReadOnlySpan<byte> contents, IncludeNames? names) => LineSplicer.ParseLogical(contents, names, ParseLogical);

    /// <summary>
    /// As <see cref="Parse(ReadOnlySpan{byte}, IncludeNames?)"/>, the directives appended to <paramref name="into"/>
    /// (cleared first) instead of an array: for a file walked once (a translation unit's source), whose directives
    /// need not outlive the walk.
    /// </summary>
    internal static void ParseInto(ReadOnlySpan<byte> contents, IncludeNames? names, List<IncludeDirective> into)
    {
        into.Clear();
        LineSplicer.ParseLogical(contents, (names, into), static (text, state) => Collect(text, state.names, state.into));
    }

    [ThreadStatic]
    private static List<IncludeDirective>? _scratch;

    private static IncludeDirective[] ParseLogical(ReadOnlySpan<byte> text, IncludeNames? names)
    {
        var found = _scratch ??= [];
        found.Clear();
        Collect(text, names, found);
        if (found.Count == 0)
        {
            return [];
        }

        var directives = found.ToArray();
        found.Clear(); // the names are not kept alive by the thread's list
        return directives;
    }

    /// <summary>Appends the directives of <paramref name="text"/> (spliced) to <paramref name="found"/>; returns how many there are.</summary>
    private static int Collect(ReadOnlySpan<byte> text, IncludeNames? names, List<IncludeDirective> found)
    {
        var atLineStart = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            switch (c)
            {
                case (byte)'\n':
                    atLineStart = true;
                    i++;
                    break;
                case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\f' or (byte)'\v':
                    i++;
                    break;
                case (byte)'/' when i + 1 < text.Length && text[i + 1] == (byte)'/':
                    i = SkipLineComment(text, i);
                    break;
                case (byte)'/' when i + 1 < text.Length && text[i + 1] == (byte)'*':
                    // A comment counts as one space: the line-start state is unchanged.
                    i = SkipBlockComment(text, i);
                    break;
                case (byte)'"' or (byte)'\'':
                    atLineStart = false;
                    i = SkipLiteral(text, i);
                    break;
                case (byte)'#' when atLineStart:
                    atLineStart = false;
                    i = ParseDirective(text, i + 1, found, names);
                    break;
                default:
                    atLineStart = false;
                    i = SkipToInteresting(text, i + 1);
                    break;
            }
        }

        return found.Count;
    }

    /// <summary>Skips ordinary code up to the next byte that can change the parser's state.</summary>
    private static int SkipToInteresting(ReadOnlySpan<byte> text, int i)
    {
        // Past the first non-blank byte of a line, only a newline, a comment or a literal matters.
        var found = text[i..].IndexOfAny("\n/\"'"u8);
        return found < 0 ? text.Length : i + found;
    }

    /// <summary>Skips to the newline ending a line comment (or the text).</summary>
    internal static int SkipLineComment(ReadOnlySpan<byte> text, int i)
    {
        var end = text[i..].IndexOf((byte)'\n');
        return end < 0 ? text.Length : i + end;
    }

    /// <summary>Skips a block comment; an unterminated one runs to the end of the text.</summary>
    internal static int SkipBlockComment(ReadOnlySpan<byte> text, int i)
    {
        var end = text[(i + 2)..].IndexOf("*/"u8);
        return end < 0 ? text.Length : i + 2 + end + 2;
    }

    /// <summary>Skips a string or character literal; an unterminated one ends at the newline, as in C.</summary>
    internal static int SkipLiteral(ReadOnlySpan<byte> text, int i)
    {
        var quote = text[i];
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == quote)
            {
                return i + 1;
            }

            if (c == (byte)'\n')
            {
                return i;
            }

            i += c == (byte)'\\' && i + 1 < text.Length && text[i + 1] != (byte)'\n' ? 2 : 1;
        }

        return i;
    }

    /// <summary>Skips blanks and block comments inside a directive line (a line comment ends it).</summary>
    private static int SkipBlanks(ReadOnlySpan<byte> text, int i)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\f' or (byte)'\v')
            {
                i++;
            }
            else if (c == (byte)'/' && i + 1 < text.Length && text[i + 1] == (byte)'*')
            {
                i = SkipBlockComment(text, i);
            }
            else
            {
                return i;
            }
        }

        return i;
    }

    /// <summary>
    /// Parses what follows a line-start <c>#</c>. Returns where the main loop goes on: right after the
    /// header name for an include, or at the directive name otherwise; the rest of the line is then
    /// read as ordinary text, which handles a comment opened on it.
    /// </summary>
    private static int ParseDirective(ReadOnlySpan<byte> text, int i, List<IncludeDirective> found, IncludeNames? names)
    {
        i = SkipBlanks(text, i);
        var nameStart = i;
        while (i < text.Length && IsIdentifierByte(text[i]))
        {
            i++;
        }

        var keyword = text[nameStart..i];
        if (!keyword.SequenceEqual("include"u8) && !keyword.SequenceEqual("include_next"u8) && !keyword.SequenceEqual("import"u8))
        {
            return i;
        }

        i = SkipBlanks(text, i);
        if (i >= text.Length)
        {
            return i;
        }

        var isNext = keyword.SequenceEqual("include_next"u8);
        byte close;
        if (text[i] == (byte)'"')
        {
            close = (byte)'"';
        }
        else if (text[i] == (byte)'<')
        {
            close = (byte)'>';
        }
        else
        {
            // A computed include (#include MACRO): kept with its text, see the class remarks.
            var line = text[i..];
            var end = line.IndexOf((byte)'\n');
            var macro = (end < 0 ? line : line[..end]).TrimEnd(" \t\r\f\v"u8);
            var comment = macro.IndexOf("/"u8);
            if (comment >= 0)
            {
                macro = macro[..comment].TrimEnd(" \t"u8);
            }

            if (macro.Length > 0)
            {
                found.Add(new IncludeDirective(Encoding.UTF8.GetString(macro), IsAngle: false, isNext, IsComputed: true));
            }

            return i;
        }

        var start = i + 1;
        var rest = text[start..];
        var length = rest.IndexOfAny(close, (byte)'\n');
        if (length <= 0 || rest[length] != close)
        {
            // Unterminated or empty name: the compiler rejects it; nothing to depend on.
            return start;
        }

        var name = rest[..length];
        found.Add(new IncludeDirective(names is null ? Encoding.UTF8.GetString(name) : names.Get(name), close == (byte)'>', isNext));
        return start + length + 1;
    }

    private static bool IsIdentifierByte(byte c) =>
        c is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'_';
}
