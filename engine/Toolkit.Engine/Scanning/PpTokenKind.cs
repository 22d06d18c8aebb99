namespace Toolkit.Engine.Scanning;

/// <summary>The kinds of preprocessing token the exact scanner tells apart (C11 6.4, with gcc's header names). One byte.</summary>
internal enum PpTokenKind : byte
{
    /// <summary>A name: a macro, a keyword, <c>defined</c>.</summary>
    Identifier = 0,
    /// <summary>A pp-number: <c>1</c>, <c>0x1fUL</c>, <c>1.5e+3</c>.</summary>
    Number = 1,
    /// <summary>A character constant, with its prefix: <c>'a'</c>, <c>L'\0'</c>.</summary>
    CharLiteral = 2,
    /// <summary>A string literal, with its prefix: <c>"a.h"</c>.</summary>
    StringLiteral = 3,
    /// <summary><c>&lt;name&gt;</c> after <c>#include</c> or <c>__has_include(</c>, delimiters included.</summary>
    HeaderName = 4,
    /// <summary>An operator or punctuator; digraphs keep their spelling.</summary>
    Punctuator = 5,
    /// <summary>Any other character (a stray <c>@</c> or <c>\</c>).</summary>
    Other = 6,
    /// <summary>Inside a macro body: a reference to parameter <see cref="PpToken.Parameter"/>.</summary>
    Parameter = 7,
    /// <summary>An empty argument next to <c>##</c> during substitution; never left in a result.</summary>
    Placemarker = 8,
}
