namespace Toolkit.SyntheticProjects.Ninja;

/// <summary>
/// ninja's lexer (src/lexer.in.cc) over one file's text: keywords and identifiers, indentation,
/// comment lines, <c>$</c> escapes (<c>$$</c>, <c>$ </c>, <c>$:</c>, <c>$</c> at a line end continues
/// the line), <c>$name</c> and <c>${name}</c> references; paths end at a space, ':', '|' or a line
/// end, values at the line end. Tabs are refused as ninja refuses them. Every error names the file
/// and the line.
/// </summary>
internal sealed class NinjaLexer(string fileName, string text)
{
    private int _position;
    private int _tokenStart;

    public string FileName { get; } = fileName;

    /// <summary>The line of the last token read (1-based), counted only when asked (for messages).</summary>
    public int Line => 1 + text.AsSpan(0, Math.Min(_tokenStart, text.Length)).Count('\n');

    public NinjaException Error(string problem) => new(FileName, Line, problem);

    public NinjaToken ReadToken()
    {
        while (true)
        {
            _tokenStart = _position;
            var spaces = SkipSpaces(_position);
            if (spaces < text.Length && text[spaces] == '#')
            {
                var end = text.IndexOf('\n', spaces);
                _position = end < 0 ? text.Length : end + 1;
                continue; // a comment line
            }

            if (spaces < text.Length && text[spaces] == '\n')
            {
                _position = spaces + 1;
                return NinjaToken.Newline;
            }

            if (spaces + 1 < text.Length && text[spaces] == '\r' && text[spaces + 1] == '\n')
            {
                _position = spaces + 2;
                return NinjaToken.Newline;
            }

            if (spaces > _position)
            {
                _position = spaces;
                return NinjaToken.Indent;
            }

            var token = ReadWord();
            if (token is not NinjaToken.Newline and not NinjaToken.EndOfFile)
            {
                EatWhitespace();
            }

            return token;
        }
    }

    /// <summary>Makes the token just read the next one again (the parser reads a top-level identifier twice: once to see the statement, once as the variable name).</summary>
    public void UnreadToken() => _position = _tokenStart;

    /// <summary>Reads a token and keeps it when it is <paramref name="expected"/>; otherwise leaves it to be read again.</summary>
    public bool PeekToken(NinjaToken expected)
    {
        var (position, start) = (_position, _tokenStart);
        if (ReadToken() == expected)
        {
            return true;
        }

        (_position, _tokenStart) = (position, start);
        return false;
    }

    public void Expect(NinjaToken expected, string what)
    {
        var token = ReadToken();
        if (token != expected)
        {
            throw Unexpected(token, what);
        }
    }

    /// <summary>The error for a token that is not what the grammar wants here.</summary>
    public NinjaException Unexpected(NinjaToken token, string expected)
    {
        var at = SkipSpaces(_tokenStart);
        if (token == NinjaToken.Error && at < text.Length)
        {
            return Error(text[at] == '\t' ? "tabs are not allowed, use spaces" : $"unexpected character '{text[at]}' (expected {expected})");
        }

        return Error($"expected {expected}, got {Describe(token)}");
    }

    /// <summary>An identifier (letters, digits, '_', '.', '-'), or null when none starts here.</summary>
    public string? ReadIdent()
    {
        _tokenStart = _position;
        var end = _position;
        while (end < text.Length && IsVarChar(text[end], allowDot: true))
        {
            end++;
        }

        if (end == _position)
        {
            return null;
        }

        var ident = text[_position..end];
        _position = end;
        EatWhitespace();
        return ident;
    }

    /// <summary>A path: ends at a space, ':', '|' or the line end (not consumed); empty when none starts here.</summary>
    public EvalString ReadPath() => ReadEvalString(path: true);

    /// <summary>A value: the rest of the line (the line end consumed).</summary>
    public EvalString ReadValue() => ReadEvalString(path: false);

    private EvalString ReadEvalString(bool path)
    {
        _tokenStart = _position;
        var value = new EvalString();
        var p = _position;
        while (true)
        {
            var start = p;
            while (p < text.Length && !IsSpecial(text[p], path))
            {
                p++;
            }

            if (p > start)
            {
                value.AddText(text.AsSpan(start, p - start));
            }

            if (p >= text.Length)
            {
                _position = p;
                throw Error("unexpected end of file");
            }

            var c = text[p];
            if (c == '\n' || (c == '\r' && p + 1 < text.Length && text[p + 1] == '\n'))
            {
                _position = path ? p : p + (c == '\r' ? 2 : 1);
                break;
            }

            if (c == '\r')
            {
                _position = p;
                throw Error("carriage return without a line feed");
            }

            if (path && (c == ' ' || c == ':' || c == '|'))
            {
                _position = p;
                break;
            }

            if (c == '\0')
            {
                _position = p;
                throw Error("NUL byte in the file (is it a binary file?)");
            }

            if (c != '$')
            {
                value.AddText(text.AsSpan(p, 1)); // ' ', ':' or '|' inside a value
                p++;
                continue;
            }

            p = Escape(p, value);
        }

        if (path)
        {
            EatWhitespace();
        }

        return value;
    }

    /// <summary>Reads the escape at <paramref name="p"/> (a '$') into <paramref name="value"/>; returns the position after it.</summary>
    private int Escape(int p, EvalString value)
    {
        var next = p + 1 < text.Length ? text[p + 1] : '\0';
        switch (next)
        {
            case '$' or ' ' or ':':
                value.AddText(text.AsSpan(p + 1, 1));
                return p + 2;
            case '\n':
                return SkipSpaces(p + 2);
            case '\r' when p + 2 < text.Length && text[p + 2] == '\n':
                return SkipSpaces(p + 3);
            case '{':
                var close = p + 2;
                while (close < text.Length && IsVarChar(text[close], allowDot: true))
                {
                    close++;
                }

                if (close == p + 2 || close >= text.Length || text[close] != '}')
                {
                    _tokenStart = p;
                    throw Error("bad ${...} reference (expected ${name})");
                }

                value.AddVariable(text[(p + 2)..close]);
                return close + 1;
        }

        var end = p + 1;
        while (end < text.Length && IsVarChar(text[end], allowDot: false))
        {
            end++;
        }

        if (end == p + 1)
        {
            _tokenStart = p;
            throw Error("bad $-escape (literal $ must be written as $$)");
        }

        value.AddVariable(text[(p + 1)..end]);
        return end;
    }

    private NinjaToken ReadWord()
    {
        if (_position >= text.Length || text[_position] == '\0')
        {
            return NinjaToken.EndOfFile;
        }

        var c = text[_position];
        switch (c)
        {
            case '=':
                _position++;
                return NinjaToken.EqualsSign;
            case ':':
                _position++;
                return NinjaToken.Colon;
            case '|':
                var second = _position + 1 < text.Length ? text[_position + 1] : '\0';
                _position += second is '|' or '@' ? 2 : 1;
                return second == '|' ? NinjaToken.Pipe2 : second == '@' ? NinjaToken.PipeAt : NinjaToken.Pipe;
        }

        var end = _position;
        while (end < text.Length && IsVarChar(text[end], allowDot: true))
        {
            end++;
        }

        if (end == _position)
        {
            return NinjaToken.Error;
        }

        var word = text.AsSpan(_position, end - _position);
        _position = end;
        return word switch
        {
            "build" => NinjaToken.Build,
            "pool" => NinjaToken.Pool,
            "rule" => NinjaToken.Rule,
            "default" => NinjaToken.Default,
            "include" => NinjaToken.Include,
            "subninja" => NinjaToken.Subninja,
            _ => NinjaToken.Ident,
        };
    }

    /// <summary>After a token: spaces and '$' line continuations.</summary>
    private void EatWhitespace()
    {
        while (true)
        {
            _position = SkipSpaces(_position);
            if (_position + 1 < text.Length && text[_position] == '$' && text[_position + 1] == '\n')
            {
                _position += 2;
            }
            else if (_position + 2 < text.Length && text[_position] == '$' && text[_position + 1] == '\r' && text[_position + 2] == '\n')
            {
                _position += 3;
            }
            else
            {
                return;
            }
        }
    }

    private int SkipSpaces(int p)
    {
        while (p < text.Length && text[p] == ' ')
        {
            p++;
        }

        return p;
    }

    private static bool IsSpecial(char c, bool path) =>
        c is '$' or '\n' or '\r' or '\0' || (path && c is ' ' or ':' or '|');

    private static bool IsVarChar(char c, bool allowDot) =>
        char.IsAsciiLetterOrDigit(c) || c is '_' or '-' || (allowDot && c == '.');

    private static string Describe(NinjaToken token) => token switch
    {
        NinjaToken.Newline => "a line end",
        NinjaToken.EndOfFile => "the end of the file",
        NinjaToken.Indent => "an indented line",
        NinjaToken.Error => "something ninja cannot read",
        _ => $"'{token.ToString().ToLowerInvariant()}'",
    };
}
