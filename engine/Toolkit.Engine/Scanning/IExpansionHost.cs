namespace Toolkit.Engine.Scanning;

/// <summary>
/// What macro expansion asks of the translation unit it runs in: the built-in macros' values, and the
/// operators that need the file system or the compiler (<c>__has_include</c>, <c>__has_attribute</c>...).
/// </summary>
internal interface IExpansionHost
{
    /// <summary>The current file as <c>__FILE__</c> spells it.</summary>
    string CurrentFile { get; }

    /// <summary>The main file as <c>__BASE_FILE__</c> spells it.</summary>
    string BaseFile { get; }

    /// <summary>The current line, for <c>__LINE__</c>.</summary>
    int CurrentLine { get; }

    /// <summary>How deep the current file is included, for <c>__INCLUDE_LEVEL__</c> (0 in the main file).</summary>
    int IncludeLevel { get; }

    /// <summary>The next value of <c>__COUNTER__</c>.</summary>
    int NextCounter();

    /// <summary>True when the compiler knows this operator (<c>__has_include</c>, <c>__has_builtin</c>...): <c>defined</c> is true for it and <c>#if</c> evaluates it.</summary>
    bool IsOperator(string name);

    /// <summary><c>__has_include</c> / <c>__has_include_next</c>: whether the header would be found from the current file.</summary>
    bool HasInclude(string name, bool isAngle, bool isNext);

    /// <summary>Any other operator, e.g. <c>__has_attribute(noreturn)</c>: the compiler's answer.</summary>
    long EvaluateOperator(string name, string operand);
}
