namespace Toolkit.Engine.Scanning;

/// <summary>
/// What a gcc-style compile command says about preprocessing, in the compiler's terms: the include
/// directories of each chain as written (<c>-iquote</c>, <c>-I</c>, <c>-isystem</c>, <c>-idirafter</c>),
/// the <c>-D</c>/<c>-U</c> operations in command-line order, the forced includes (<c>-imacros</c>, then
/// <c>-include</c>), <c>-nostdinc</c>, the language, and the flags that change the compiler's predefined
/// macros or system directories (<see cref="ProbeFlags"/>: <c>-std=</c>, <c>-O2</c>, <c>-m64</c>,
/// <c>-fPIC</c>, <c>-pthread</c>, <c>--sysroot</c>...), which are what the compiler is asked with.
/// Everything else (warnings, <c>-g</c>, <c>-o</c>, <c>-c</c>, <c>-M</c> options, linker options,
/// inputs) is dropped. Directories are kept as written: they are relative to the command's directory.
/// </summary>
public sealed class CompilerFlags
{
    /// <summary>No flags: the compiler <c>cc</c>, C, no directories, no macros.</summary>
    public static CompilerFlags None { get; } = new();

    /// <summary>The compiler (the command's first word), or null when the flags came without one.</summary>
    public string? Compiler { get; init; }

    /// <summary><c>-iquote</c> directories: searched for quoted includes only, before <see cref="IncludeDirs"/>.</summary>
    public IReadOnlyList<string> QuoteDirs { get; init; } = [];

    /// <summary><c>-I</c> directories (CPPPATH), in order.</summary>
    public IReadOnlyList<string> IncludeDirs { get; init; } = [];

    /// <summary><c>-isystem</c> directories: searched after <c>-I</c>, before the compiler's own; their headers are system headers.</summary>
    public IReadOnlyList<string> SystemDirs { get; init; } = [];

    /// <summary><c>-idirafter</c> directories: searched last; system headers.</summary>
    public IReadOnlyList<string> AfterDirs { get; init; } = [];

    /// <summary><c>-D NAME[=VALUE]</c> (Define true) and <c>-U NAME</c> (Define false), in command-line order.</summary>
    public IReadOnlyList<(bool Define, string Text)> MacroOperations { get; init; } = [];

    /// <summary><c>-imacros</c> files then <c>-include</c> files, in the order gcc reads them.</summary>
    public IReadOnlyList<string> ForcedIncludes { get; init; } = [];

    /// <summary>True for <c>-nostdinc</c>: the compiler's system directories are not searched.</summary>
    public bool NoStandardIncludes { get; init; }

    /// <summary>The language given by <c>-x</c> ("c", "c++"), or null to decide by the source's suffix.</summary>
    public string? Language { get; init; }

    /// <summary>The flags that may change predefined macros or system directories, in order.</summary>
    public IReadOnlyList<string> ProbeFlags { get; init; } = [];

    /// <summary>Flags with only <c>-I</c> directories (the conservative scanner's CPPPATH).</summary>
    public static CompilerFlags FromIncludeDirs(IReadOnlyList<string> includeDirs) => new() { IncludeDirs = includeDirs };

    /// <summary>Parses a whole command (its first word is the compiler).</summary>
    public static CompilerFlags ParseCommand(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return words.Count == 0 ? None : Parse(words.Skip(1).ToList(), words[0]);
    }

    /// <summary>Parses compiler arguments (without the compiler's name).</summary>
    public static CompilerFlags Parse(IReadOnlyList<string> arguments, string? compiler = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var builder = new CompilerFlagsBuilder();
        for (var i = 0; i < arguments.Count; i++)
        {
            i = builder.Take(arguments, i);
        }

        return builder.Build(compiler);
    }

    /// <summary>The language of a source: <see cref="Language"/> when given, else "c++" for C++ suffixes, else "c".</summary>
    public string LanguageOf(string source)
    {
        if (Language is not null)
        {
            return Language;
        }

        var dot = source.LastIndexOf('.');
        var suffix = dot < 0 ? string.Empty : source[(dot + 1)..];
        return suffix is "cc" or "cpp" or "cxx" or "c++" or "C" or "CC" or "cp" or "CPP" or "hpp" or "hh" or "mm" ? "c++" : "c";
    }
}
