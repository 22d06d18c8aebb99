namespace Toolkit.Engine.Scanning;

/// <summary>
/// What scanning one translation unit found: a compact value meant to be persisted (a dependency log
/// keeps it with the stamps of <see cref="FilesRead"/>). <see cref="Headers"/> are the dependencies in
/// <c>gcc -MM</c> order, as canonical names (<see cref="ScanPaths"/>), which the engine maps to graph nodes.
/// <para>What the result depends on: in conservative mode, only the contents of <see cref="FilesRead"/>
/// and the search directories. In exact mode also the macro state each header was entered with, which
/// differs from one unit to the next; the scanner therefore caches exact results per translation unit,
/// never per header: a unit's result stays valid while <see cref="Configuration"/> (compiler, its
/// predefined macros, -D/-U, search chain, forced includes) and the stamp of every file in
/// <see cref="FilesRead"/> (system headers included) are unchanged, and no file appears earlier in the
/// search chain than the one found (<see cref="Probed"/> lists the candidates that were absent).</para>
/// </summary>
public sealed class ScanResult
{
    /// <summary>Creates a result.</summary>
    public ScanResult(string source, ScanMode mode, string[] headers, string[]? filesRead, string[] probed, string configuration)
    {
        Source = source;
        Mode = mode;
        Headers = headers;
        _filesRead = filesRead;
        Probed = probed;
        Configuration = configuration;
    }

    // Null when the files read are the source and its headers (the conservative mode): built on demand,
    // so a million-source scan allocates no second array per source.
    private readonly string[]? _filesRead;

    /// <summary>The source, canonical.</summary>
    public string Source { get; }

    /// <summary>The mode that produced it.</summary>
    public ScanMode Mode { get; }

    /// <summary>The headers the source depends on, each once, in the order the preprocessor first opens them.</summary>
    public string[] Headers { get; }

    /// <summary>Every file read (the source, its headers, and in exact mode the system headers read for their macros).</summary>
    public string[] FilesRead => _filesRead ?? [Source, .. Headers];

    /// <summary>Exact mode: candidates that did not exist and would change the result if created; empty in conservative mode.</summary>
    public string[] Probed { get; }

    /// <summary>A key for everything besides file contents that the result depends on (empty in conservative mode: the search directories only).</summary>
    public string Configuration { get; }
}
