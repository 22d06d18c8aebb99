namespace Toolkit.Engine.Scanning;

/// <summary>
/// Everything but file contents that an exact scan depends on, for one distinct compile configuration:
/// the compiler's description, the macro table it starts from (predefined macros, then each
/// <c>-D</c>/<c>-U</c> in order), the search chain, the forced includes and the working directory.
/// Built once per configuration and shared by its translation units, which each start from a copy of
/// <see cref="BaseMacros"/>. <see cref="Key"/> identifies it in a <see cref="ScanResult"/>.
/// </summary>
internal sealed class ExactConfiguration
{
    public ExactConfiguration(string key, CompilerInfo compiler, MacroTable baseMacros, SearchChain chain, IReadOnlyList<string> forcedIncludes, string workingDirectory)
    {
        Key = key;
        Compiler = compiler;
        BaseMacros = baseMacros;
        Chain = chain;
        ForcedIncludes = forcedIncludes;
        WorkingDirectory = workingDirectory;
        BooleanKeywords = baseMacros.IsDefined("__cplusplus") || StandardVersion(baseMacros) > 201710;
        UnsignedChar = baseMacros.IsDefined("__CHAR_UNSIGNED__");
    }

    /// <summary>Identifies the configuration: compiler key, macro operations, chain, forced includes, working directory.</summary>
    public string Key { get; }

    /// <summary>The compiler's description.</summary>
    public CompilerInfo Compiler { get; }

    /// <summary>The macros every translation unit starts with.</summary>
    public MacroTable BaseMacros { get; }

    /// <summary>The search chain.</summary>
    public SearchChain Chain { get; }

    /// <summary>The <c>-imacros</c> and <c>-include</c> names, as written.</summary>
    public IReadOnlyList<string> ForcedIncludes { get; }

    /// <summary>The canonical directory the compile runs in.</summary>
    public string WorkingDirectory { get; }

    /// <summary>True when <c>true</c> and <c>false</c> are 1 and 0 in <c>#if</c> (C++, C23).</summary>
    public bool BooleanKeywords { get; }

    /// <summary>True when plain <c>char</c> is unsigned.</summary>
    public bool UnsignedChar { get; }

    private static long StandardVersion(MacroTable macros)
    {
        var body = macros.Find("__STDC_VERSION__")?.Body;
        return body is [{ Kind: PpTokenKind.Number } number] && long.TryParse(number.Text.TrimEnd('L', 'l'), out var value) ? value : 0;
    }
}
