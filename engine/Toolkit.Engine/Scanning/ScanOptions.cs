namespace Toolkit.Engine.Scanning;

/// <summary>
/// How a <see cref="CIncludeScanner"/> works: its mode, the project root that names files (see
/// <see cref="ScanPaths"/>), which paths the build will write (an include resolves to such a path even
/// before the file exists), the compiler probe of the exact mode, and where warnings go.
/// </summary>
public sealed class ScanOptions
{
    /// <summary>Conservative mode, no build outputs, no warnings sink.</summary>
    public static ScanOptions Default { get; } = new();

    /// <summary>The mode; <see cref="ScanMode.Conservative"/> unless set.</summary>
    public ScanMode Mode { get; init; } = ScanMode.Conservative;

    /// <summary>
    /// The absolute project root, or null to take the disk file system's root (and
    /// <see cref="ScanPaths.InMemoryRoot"/> for any other file system).
    /// </summary>
    public string? RootDirectory { get; init; }

    /// <summary>
    /// True for a canonical path that a build statement writes: an include naming it resolves to it whether
    /// or not it exists yet, as SCons finds a derived node. Called from several threads. Null: none.
    /// </summary>
    public Func<string, bool>? IsBuildOutput { get; init; }

    /// <summary>The compiler probe of the exact mode; null makes a <see cref="GccCompilerProbe"/> when first needed.</summary>
    public ICompilerProbe? CompilerProbe { get; init; }

    /// <summary>The compiler asked when flags name none (<c>cc</c>).</summary>
    public string DefaultCompiler { get; init; } = "cc";

    /// <summary>Receives each warning once (a file that cannot be read, a computed include the conservative mode cannot follow). Called from several threads.</summary>
    public Action<string>? Warning { get; init; }

    /// <summary>
    /// How many files the scan is expected to reach (0: unknown), so the stat cache and the scan cache are sized once:
    /// a <see cref="System.Collections.Concurrent.ConcurrentDictionary{TKey, TValue}"/> that grows makes every entry
    /// anew at each doubling, ~70 bytes per file read at 10k sources.
    /// </summary>
    public int ExpectedFiles { get; init; }
}
