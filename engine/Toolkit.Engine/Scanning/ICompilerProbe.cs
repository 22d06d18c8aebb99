namespace Toolkit.Engine.Scanning;

/// <summary>
/// Asks a compiler what the exact scanner cannot know from the sources: its predefined macros, its
/// system include directories, and the value of operators such as <c>__has_attribute(x)</c>. The disk
/// implementation runs the compiler (<see cref="GccCompilerProbe"/>); tests use <see cref="FixedCompilerProbe"/>.
/// Implementations cache their answers and are thread-safe.
/// </summary>
public interface ICompilerProbe
{
    /// <summary>
    /// The description of <paramref name="compiler"/> for <paramref name="language"/> ("c" or "c++") under
    /// <paramref name="probeFlags"/>. Throws <see cref="ScanConfigurationException"/> when the compiler
    /// cannot be run or fails.
    /// </summary>
    CompilerInfo Describe(string compiler, string language, IReadOnlyList<string> probeFlags);

    /// <summary>The value of <c>NAME(OPERAND)</c> in <c>#if</c> for this compiler, e.g. <c>__has_builtin(__builtin_expect)</c>.</summary>
    long EvaluateOperator(CompilerInfo compiler, string name, string operand);
}
