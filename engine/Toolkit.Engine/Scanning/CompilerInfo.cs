namespace Toolkit.Engine.Scanning;

/// <summary>
/// What the compiler said about itself for one language and set of <see cref="CompilerFlags.ProbeFlags"/>:
/// its predefined macros (the text of <c>cc -dM -E</c>), its system include directories in search order
/// (absolute), and the operators it knows (<c>__has_include</c>, <c>__has_builtin</c>...). Asked once per
/// distinct compiler, language and probe flags, by an <see cref="ICompilerProbe"/>.
/// </summary>
public sealed class CompilerInfo
{
    /// <summary>Creates the description.</summary>
    public CompilerInfo(string key, string predefinedMacros, IReadOnlyList<string> systemIncludeDirs, IReadOnlyCollection<string> operators)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(predefinedMacros);
        ArgumentNullException.ThrowIfNull(systemIncludeDirs);
        ArgumentNullException.ThrowIfNull(operators);
        Key = key;
        PredefinedMacros = predefinedMacros;
        SystemIncludeDirs = systemIncludeDirs;
        Operators = new HashSet<string>(operators, StringComparer.Ordinal);
    }

    /// <summary>The compiler, language and probe flags this answer is for (one line per word).</summary>
    public string Key { get; }

    /// <summary>The <c>#define</c> lines of <c>cc -dM -E</c>.</summary>
    public string PredefinedMacros { get; }

    /// <summary>The <c>#include &lt;...&gt;</c> search list of <c>cc -v</c>: absolute directories, in order.</summary>
    public IReadOnlyList<string> SystemIncludeDirs { get; }

    /// <summary>The operators that <c>#ifdef</c> sees as defined and <c>#if</c> evaluates.</summary>
    public IReadOnlySet<string> Operators { get; }

    /// <summary>The operators gcc 10 and later know; a probe checks which ones a given compiler has.</summary>
    public static IReadOnlyList<string> CandidateOperators { get; } =
    [
        "__has_include", "__has_include_next", "__has_attribute", "__has_cpp_attribute", "__has_c_attribute",
        "__has_builtin", "__has_feature", "__has_extension", "__has_warning", "__has_declspec_attribute", "__is_identifier",
    ];
}
