using System.Buffers;
using System.Text;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Persistence;
using Toolkit.Engine.Scanning;

namespace Toolkit.Engine.Dependencies;

/// <summary>
/// The persisted dependency log (<c>.toolkit.deps</c>, in the spirit of Ninja's <c>.ninja_deps</c>): for
/// every file the include scanner parsed, the stamp (size + modification time) it had and the
/// <c>#include</c> directives found in it. On open, a file whose stamp is unchanged takes its directives
/// from here without being read or parsed; only files whose stamp changed are read again. Includes are
/// still resolved against the search path on every open (stats the resolver caches), so a header that
/// appears earlier on the path, or a missing one that is created, is found exactly as a fresh scan finds
/// it: the log holds what a file says, not what the file system answered.
/// <para>Held flat as loaded: the paths and the distinct directive names as <see cref="FrontCodedStrings"/>,
/// per file two longs of stamp and a range of packed directives (name index and flags in one int). No
/// string is made per record; a name's string is made on first use and shared. Costs, per file, its
/// path's UTF-8 bytes plus about 28 bytes, and 4 bytes per directive. Written whole and atomically in a
/// <see cref="CheckedFile"/> (format: Dependencies/FORMAT.md); a rewrite drops every file the scan no
/// longer reached, so the log never holds dead records and never needs recompacting.
/// Thread-safe for reading (the scanner looks files up from several threads).</para>
/// </summary>
public sealed class DependencyLog
{
    /// <summary>The log's file name in the project root.</summary>
    public const string FileName = ".toolkit.deps";

    /// <summary>
    /// The format version this build writes and the newest it reads. Bump it also when
    /// <see cref="IncludeParser"/> would find other directives in the same bytes: the log stores its output.
    /// </summary>
    public const uint FormatVersion = 1;

    /// <summary>Bits of a packed directive that hold its flags; the name index is above them.</summary>
    internal const int FlagBits = 3;

    internal const int AngleFlag = 1;
    internal const int NextFlag = 2;
    internal const int ComputedFlag = 4;

    /// <summary>Paths longer than this (UTF-8 bytes) are looked up through a pooled buffer instead of the stack.</summary>
    private const int StackPathBytes = 512;

    private readonly FrontCodedStrings _names;
    private readonly FrontCodedStrings _paths;
    private readonly long[] _sizes;
    private readonly long[] _ticks;
    private readonly int[] _directiveStarts;
    private readonly int[] _directives;
    private readonly string?[] _nameStrings;

    internal DependencyLog(FrontCodedStrings names, FrontCodedStrings paths, long[] sizes, long[] ticks, int[] directiveStarts, int[] directives)
    {
        _names = names;
        _paths = paths;
        _sizes = sizes;
        _ticks = ticks;
        _directiveStarts = directiveStarts;
        _directives = directives;
        _nameStrings = new string?[names.Count];
    }

    /// <summary>The log with no file.</summary>
    public static DependencyLog Empty { get; } = new(FrontCodedStrings.Empty, FrontCodedStrings.Empty, [], [], [0], []);

    /// <summary>The 8-byte magic that starts the file: "TKDEPS" and two zero bytes.</summary>
    public static ReadOnlySpan<byte> Magic => "TKDEPS\0\0"u8;

    /// <summary>Number of files.</summary>
    public int Count => _paths.Count;

    /// <summary>Number of directives over every file.</summary>
    public int DirectiveCount => _directives.Length;

    /// <summary>Number of distinct directive names.</summary>
    public int NameCount => _names.Count;

    /// <summary>
    /// The directives of <paramref name="path"/> (canonical, as the scanner names it) when the log holds it
    /// with exactly <paramref name="stamp"/>; false for a file not in the log or whose stamp changed.
    /// </summary>
    public bool TryGet(string path, FileStamp stamp, out IncludeDirective[] directives) => TryGet(path, stamp, out directives, out _);

    /// <summary>As <see cref="TryGet(string, FileStamp, out IncludeDirective[])"/>, with the file's index in the log (-1 when false).</summary>
    internal bool TryGet(string path, FileStamp stamp, out IncludeDirective[] directives, out int index)
    {
        ArgumentNullException.ThrowIfNull(path);
        directives = [];
        index = IndexOf(path);
        if (index < 0 || _sizes[index] != stamp.Size || _ticks[index] != stamp.ModifiedTicks)
        {
            index = -1;
            return false;
        }

        var start = _directiveStarts[index];
        var count = _directiveStarts[index + 1] - start;
        if (count > 0)
        {
            directives = new IncludeDirective[count];
            for (var i = 0; i < count; i++)
            {
                directives[i] = Unpack(_directives[start + i]);
            }
        }

        return true;
    }

    /// <summary>The paths, in byte order (file i's path is entry i).</summary>
    internal FrontCodedStrings Paths => _paths;

    /// <summary>The distinct directive names, in byte order (a packed directive's name index is into these).</summary>
    internal FrontCodedStrings Names => _names;

    /// <summary>The stamp file <paramref name="index"/> was logged at.</summary>
    internal FileStamp StampAt(int index) => new(_sizes[index], _ticks[index]);

    /// <summary>The packed directives of file <paramref name="index"/> (<see cref="Pack"/>).</summary>
    internal ReadOnlySpan<int> PackedDirectives(int index) => _directives.AsSpan(_directiveStarts[index], _directiveStarts[index + 1] - _directiveStarts[index]);

    /// <summary>A directive as the log holds it: the index of its name above <see cref="FlagBits"/> bits of flags.</summary>
    internal static int Pack(int name, IncludeDirective directive) =>
        (name << FlagBits)
        | (directive.IsAngle ? AngleFlag : 0)
        | (directive.IsNext ? NextFlag : 0)
        | (directive.IsComputed ? ComputedFlag : 0);

    /// <summary>Loads the log; a missing file gives Missing, a damaged one Damaged with a warning. Never throws for a bad file.</summary>
    public static DependencyLogLoadResult Load(IFileSystem fileSystem, string path)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(path);
        var file = CheckedFile.TryRead(fileSystem, path, Magic, FormatVersion);
        switch (file.Status)
        {
            case CheckedFileStatus.Missing:
                return new DependencyLogLoadResult(CheckedFileStatus.Missing, Empty, null);
            case CheckedFileStatus.Damaged:
                return Damaged(path, file.Reason!);
        }

        try
        {
            return new DependencyLogLoadResult(CheckedFileStatus.Ok, DependencyLogCodec.Decode(file.Payload.Span), null);
        }
        catch (FormatException exception)
        {
            return Damaged(path, exception.Message);
        }
    }

    /// <summary>Writes <paramref name="entries"/> as the log at <paramref name="path"/>, atomically (the old file stays whole until the new one replaces it).</summary>
    public static void Save(IFileSystem fileSystem, string path, IEnumerable<ScanCacheEntry> entries)
    {
        using var payload = DependencyLogCodec.Encode(entries);
        Save(fileSystem, path, payload);
    }

    /// <summary>Writes a payload made by <see cref="DependencyLogCodec.Encode(DependencyLogRecord)"/>, atomically.</summary>
    internal static void Save(IFileSystem fileSystem, string path, PayloadWriter payload)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(path);
        CheckedFile.Write(fileSystem, path, Magic, FormatVersion, payload);
    }

    private static DependencyLogLoadResult Damaged(string path, string reason) =>
        new(CheckedFileStatus.Damaged, Empty, $"dependency log '{path}' is damaged ({reason}); ignoring it and scanning every source again");

    private int IndexOf(string path)
    {
        var length = Encoding.UTF8.GetMaxByteCount(path.Length);
        byte[]? rented = null;
        Span<byte> buffer = length <= StackPathBytes ? stackalloc byte[StackPathBytes] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            return _paths.IndexOf(buffer[..Encoding.UTF8.GetBytes(path, buffer)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private IncludeDirective Unpack(int packed)
    {
        var index = packed >>> FlagBits;

        // Racing threads may both make the string; they are equal and a reference store is atomic.
        var name = _nameStrings[index] ??= Encoding.UTF8.GetString(_names[index]);
        return new IncludeDirective(name, (packed & AngleFlag) != 0, (packed & NextFlag) != 0, (packed & ComputedFlag) != 0);
    }
}
