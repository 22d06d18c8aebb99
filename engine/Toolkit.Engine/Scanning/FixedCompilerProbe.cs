namespace Toolkit.Engine.Scanning;

/// <summary>
/// A compiler description given in advance, for tests and for machines without the compiler: the same
/// predefined macros, system directories and operator values whatever the flags. Operator queries not
/// in <see cref="OperatorValues"/> are 0.
/// </summary>
public sealed class FixedCompilerProbe : ICompilerProbe
{
    private readonly CompilerInfo _info;

    /// <summary>A compiler with these predefined macros (<c>#define</c> lines), system directories and operators.</summary>
    public FixedCompilerProbe(string predefinedMacros, IReadOnlyList<string> systemIncludeDirs, IReadOnlyCollection<string>? operators = null)
    {
        _info = new CompilerInfo("fixed", predefinedMacros, systemIncludeDirs, operators ?? Gcc12Operators);
    }

    /// <summary>The operators gcc 12 knows (the default): no <c>__has_feature</c>, which came with gcc 14.</summary>
    public static IReadOnlyList<string> Gcc12Operators { get; } = ["__has_include", "__has_include_next", "__has_attribute", "__has_cpp_attribute", "__has_builtin"];

    /// <summary>Values of operator queries, keyed as <c>NAME(OPERAND)</c>, e.g. <c>__has_builtin(__builtin_expect)</c>.</summary>
    public Dictionary<string, long> OperatorValues { get; } = new(StringComparer.Ordinal);

    /// <summary>How many times <see cref="Describe"/> was called.</summary>
    public int Descriptions { get; private set; }

    /// <inheritdoc />
    public CompilerInfo Describe(string compiler, string language, IReadOnlyList<string> probeFlags)
    {
        Descriptions++;
        return _info;
    }

    /// <inheritdoc />
    public long EvaluateOperator(CompilerInfo compiler, string name, string operand) =>
        OperatorValues.GetValueOrDefault(name + "(" + operand + ")");
}
