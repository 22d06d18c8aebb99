using System.Text;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// Reads the directives of a C file for the exact scanner, in one pass over its bytes: continuations
/// spliced (<see cref="LineSplicer"/>), comments skipped (a block comment inside a directive is one
/// space and may carry the directive over several lines, as in C), literals in ordinary text skipped,
/// and each directive line handed to <see cref="PpLexer"/>. Ordinary text is otherwise not looked at:
/// it cannot change the macros or the includes (<c>_Pragma("once")</c> in text is not recognised).
/// Line numbers are logical lines (after splicing).
/// </summary>
internal static class DirectiveParser
{
    /// <summary>The directives of <paramref name="contents"/>.</summary>
    public static FileDirectives Parse(ReadOnlySpan<byte> contents) => LineSplicer.ParseLogical(contents, ParseLogical);

    /// <summary>Parses directive text written by a program (a <c>cc -dM</c> listing, a <c>-D</c> turned into <c>#define</c>).</summary>
    public static FileDirectives Parse(string text) => Parse(Encoding.UTF8.GetBytes(text));

    private static FileDirectives ParseLogical(ReadOnlySpan<byte> text)
    {
        var found = new List<PpDirective>();
        var atLineStart = true;
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            switch (c)
            {
                case (byte)'\n':
                    atLineStart = true;
                    line++;
                    i++;
                    break;
                case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\f' or (byte)'\v':
                    i++;
                    break;
                case (byte)'/' when i + 1 < text.Length && text[i + 1] == (byte)'/':
                    i = IncludeParser.SkipLineComment(text, i);
                    break;
                case (byte)'/' when i + 1 < text.Length && text[i + 1] == (byte)'*':
                    i = SkipBlockComment(text, i, ref line);
                    break;
                case (byte)'"' or (byte)'\'':
                    atLineStart = false;
                    i = IncludeParser.SkipLiteral(text, i);
                    break;
                case (byte)'#' when atLineStart:
                    atLineStart = false;
                    var startLine = line;
                    i = ReadDirective(text, i + 1, ref line, found, startLine);
                    break;
                default:
                    atLineStart = false;
                    var next = text[i..].IndexOfAny("\n/\"'"u8);
                    i = next < 0 ? text.Length : i + Math.Max(next, 1);
                    break;
            }
        }

        return FileDirectives.Create(found);
    }

    /// <summary>Reads the directive after a line-start '#': its name, then its logical line as tokens.</summary>
    private static int ReadDirective(ReadOnlySpan<byte> text, int i, ref int line, List<PpDirective> found, int startLine)
    {
        var rest = new StringBuilder();
        i = CollectLine(text, i, ref line, rest);
        var body = rest.ToString();
        var nameStart = 0;
        while (nameStart < body.Length && body[nameStart] is ' ' or '\t' or '\f' or '\v' or '\r')
        {
            nameStart++;
        }

        var nameEnd = nameStart;
        while (nameEnd < body.Length && PpLexer.IsIdentifierPart(body[nameEnd]))
        {
            nameEnd++;
        }

        var kind = KindOf(body.AsSpan(nameStart, nameEnd - nameStart));
        if (kind is null)
        {
            return i;
        }

        var isInclude = kind is DirectiveKind.Include or DirectiveKind.IncludeNext or DirectiveKind.Import;
        var tokens = PpLexer.Lex(body[nameEnd..], headerNameFirst: isInclude);
        var macro = kind == DirectiveKind.Define ? Macro.Parse(tokens) : null;
        found.Add(new PpDirective(kind.Value, tokens, startLine, macro));
        return i;
    }

    /// <summary>
    /// Copies the rest of a directive line into <paramref name="rest"/>: comments become one space (a block
    /// comment may span lines), literals are copied whole, the line ends at a newline outside a comment.
    /// </summary>
    private static int CollectLine(ReadOnlySpan<byte> text, int i, ref int line, StringBuilder rest)
    {
        var start = i;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == (byte)'\n')
            {
                break;
            }

            if (c == (byte)'/' && i + 1 < text.Length && (text[i + 1] == (byte)'/' || text[i + 1] == (byte)'*'))
            {
                rest.Append(Encoding.UTF8.GetString(text[start..i])).Append(' ');
                i = text[i + 1] == (byte)'/' ? IncludeParser.SkipLineComment(text, i) : SkipBlockComment(text, i, ref line);
                start = i;
                continue;
            }

            i = c is (byte)'"' or (byte)'\'' ? IncludeParser.SkipLiteral(text, i) : i + 1;
        }

        rest.Append(Encoding.UTF8.GetString(text[start..Math.Min(i, text.Length)]));
        return i;
    }

    private static DirectiveKind? KindOf(ReadOnlySpan<char> name) => name switch
    {
        "define" => DirectiveKind.Define,
        "undef" => DirectiveKind.Undef,
        "include" => DirectiveKind.Include,
        "include_next" => DirectiveKind.IncludeNext,
        "import" => DirectiveKind.Import,
        "if" => DirectiveKind.If,
        "ifdef" => DirectiveKind.Ifdef,
        "ifndef" => DirectiveKind.Ifndef,
        "elif" => DirectiveKind.Elif,
        "elifdef" => DirectiveKind.Elifdef,
        "elifndef" => DirectiveKind.Elifndef,
        "else" => DirectiveKind.Else,
        "endif" => DirectiveKind.Endif,
        "pragma" => DirectiveKind.Pragma,
        _ => null,
    };

    private static int SkipBlockComment(ReadOnlySpan<byte> text, int i, ref int line)
    {
        var stop = IncludeParser.SkipBlockComment(text, i);
        line += text[i..stop].Count((byte)'\n');
        return stop;
    }
}
