using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// Remembers the include directives parsed from each file, keyed by path and valid only while the
/// file's stamp (size + modification time) is the one it was stored with. It outlives a scanner:
/// a rebuild re-parses only the files that changed. Implementations must be thread-safe. The seam
/// exists so a weakly-held variant can trade re-parsing for retained memory.
/// </summary>
public interface IScanCache
{
    /// <summary>The directives stored for <paramref name="path"/> if they were stored with <paramref name="stamp"/>.</summary>
    bool TryGet(string path, FileStamp stamp, out IncludeDirective[] directives);

    /// <summary>Stores (or replaces) the directives of <paramref name="path"/> as read at <paramref name="stamp"/>.</summary>
    void Set(string path, FileStamp stamp, IncludeDirective[] directives);

    /// <summary>How many files have an entry.</summary>
    int Count { get; }

    /// <summary>Every entry, for persisting or inspecting the cache; order is unspecified.</summary>
    IEnumerable<ScanCacheEntry> Export();

    /// <summary>Drops every entry.</summary>
    void Clear();

    /// <summary>
    /// Stores the directives of a translation unit's own source, which a scan walks once and parses into a buffer of
    /// its own (no array per source): as <see cref="Set"/> with a copy, unless the cache serves one scan only and would
    /// never be asked again. <paramref name="directives"/> is valid only during the call.
    /// </summary>
    void SetSource(string path, FileStamp stamp, ReadOnlySpan<IncludeDirective> directives) => Set(path, stamp, directives.ToArray());

    /// <summary>
    /// Tells an empty cache that about <paramref name="files"/> files are coming, so it can size itself once
    /// (<see cref="ScanCapacity"/>); a cache that holds entries, or does not size itself, ignores it.
    /// </summary>
    void Reserve(int files)
    {
    }
}
