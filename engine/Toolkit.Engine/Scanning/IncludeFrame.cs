namespace Toolkit.Engine.Scanning;

/// <summary>
/// One file open in a translation unit of the exact scanner: its canonical path, its directives and the
/// next one to run, where in the search chain it was found (for <c>#include_next</c>; see the constants),
/// and whether it is a system header (its includes are not listed, as <c>gcc -MM</c> leaves them out).
/// </summary>
internal sealed class IncludeFrame
{
    /// <summary><see cref="ChainIndex"/> of a file found beside its includer (or a forced include found in the working directory): #include_next starts at the chain's head.</summary>
    public const int BesideIncluder = -1;

    /// <summary><see cref="ChainIndex"/> of the main file, or a file named by an absolute path: #include_next searches as #include.</summary>
    public const int NoSearchPath = -2;

    public IncludeFrame(string path, FileDirectives file, int chainIndex, bool isSystem, bool isMain)
    {
        Path = path;
        File = file;
        ChainIndex = chainIndex;
        IsSystem = isSystem;
        IsMain = isMain;
    }

    /// <summary>The canonical path.</summary>
    public string Path { get; }

    /// <summary>The parsed directives.</summary>
    public FileDirectives File { get; }

    /// <summary>The index of the next directive to run.</summary>
    public int Index { get; set; }

    /// <summary>The chain index the file was found at, or <see cref="BesideIncluder"/> / <see cref="NoSearchPath"/>.</summary>
    public int ChainIndex { get; }

    /// <summary>True for a system header (found in a system directory, included from one, or after <c>#pragma GCC system_header</c>).</summary>
    public bool IsSystem { get; set; }

    /// <summary>True for the translation unit's main file.</summary>
    public bool IsMain { get; }

    /// <summary>The line of the directive being run (for <c>__LINE__</c> and warnings).</summary>
    public int Line => Index < File.Directives.Length ? File.Directives[Index].Line : 0;
}
