namespace Toolkit.Engine.Scanning;

/// <summary>How the include scanner treats conditionals. One byte.</summary>
public enum ScanMode : byte
{
    /// <summary>
    /// SCons's way: every <c>#if</c> branch counts, no macro is evaluated, so no compiler is needed and
    /// nothing is missed except what <c>#include MACRO</c> names (warned about); headers the compiler never
    /// opens may be listed. The default.
    /// </summary>
    Conservative = 0,

    /// <summary>
    /// The compiler's way: the preprocessor's directives are evaluated with the compiler's predefined macros
    /// and each file's <c>-D</c>/<c>-U</c>, system headers read for their macros (not listed), so the result
    /// is what <c>gcc -MM</c> lists. Needs the compiler at scan time.
    /// </summary>
    Exact = 1,
}
