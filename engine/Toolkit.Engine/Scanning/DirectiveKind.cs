namespace Toolkit.Engine.Scanning;

/// <summary>The directives the exact scanner acts on. One byte; others (#error, #line, #ident) are not kept.</summary>
internal enum DirectiveKind : byte
{
    /// <summary><c>#define</c>.</summary>
    Define = 0,
    /// <summary><c>#undef</c>.</summary>
    Undef = 1,
    /// <summary><c>#include</c>.</summary>
    Include = 2,
    /// <summary><c>#include_next</c>.</summary>
    IncludeNext = 3,
    /// <summary><c>#import</c>: an include read once.</summary>
    Import = 4,
    /// <summary><c>#if</c>.</summary>
    If = 5,
    /// <summary><c>#ifdef</c>.</summary>
    Ifdef = 6,
    /// <summary><c>#ifndef</c>.</summary>
    Ifndef = 7,
    /// <summary><c>#elif</c>.</summary>
    Elif = 8,
    /// <summary><c>#elifdef</c> (C23).</summary>
    Elifdef = 9,
    /// <summary><c>#elifndef</c> (C23).</summary>
    Elifndef = 10,
    /// <summary><c>#else</c>.</summary>
    Else = 11,
    /// <summary><c>#endif</c>.</summary>
    Endif = 12,
    /// <summary><c>#pragma</c> (once, push_macro, pop_macro, GCC system_header matter).</summary>
    Pragma = 13,
}
