using System.Buffers;

namespace Toolkit.Engine.Manifest;

/// <summary>
/// Cuts a manifest into lines for <see cref="ManifestReader"/>, in bounded memory, and checks what
/// is below the level of statements: a line is at most <see cref="MaxLineBytes"/> long and holds
/// no control character but tab (a trailing <c>\r</c> is dropped). The UTF-8 source also refuses
/// bytes that are not UTF-8, naming the byte offset, instead of reading them as U+FFFD.
/// Errors are <see cref="ManifestException"/> naming the file and the line.
/// </summary>
internal abstract class ManifestLineSource : IDisposable
{
    /// <summary>
    /// The longest line a manifest may have: 16 MiB. The longest statement a real project needs (a
    /// link of 100,000 objects with 100-byte paths) is about 10 MB; the bound keeps reading a hostile
    /// 100 MB line to 16 MiB of bytes and 32 MiB of characters instead of gigabytes.
    /// </summary>
    public const int MaxLineBytes = 16 << 20;

    /// <summary>Start size of the buffers: a read of this size covers many ordinary lines.</summary>
    protected const int InitialBufferSize = 64 * 1024;

    protected ManifestLineSource(string fileName)
    {
        FileName = fileName;
    }

    /// <summary>The file named in errors.</summary>
    public string FileName { get; }

    /// <summary>The 1-based number of the line last returned (0 before the first).</summary>
    public int Line { get; protected set; }

    /// <summary>The next line, without its end; false at the end of the file. The span is valid until the next call.</summary>
    public abstract bool TryReadLine(out ReadOnlySpan<char> line);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>
    /// The control characters a line may not hold: U+0000-U+001F but tab, and U+007F. One vectorized search per line;
    /// the generic <c>IndexOfAnyInRange</c> it replaces boxed a character per call until the JIT optimized it, ~45 bytes
    /// per node in a process's first open of a 10k-source manifest (what every <c>toolkit build</c> is).
    /// </summary>
    private static readonly SearchValues<char> ForbiddenCharacters =
        SearchValues.Create([.. Enumerable.Range(0, 0x20).Where(c => c != '\t').Select(c => (char)c), '\x7f']);

    /// <summary>Drops a trailing '\r' and refuses any other control character but tab.</summary>
    protected ReadOnlySpan<char> CheckCharacters(ReadOnlySpan<char> line)
    {
        if (!line.IsEmpty && line[^1] == '\r')
        {
            line = line[..^1];
        }

        var at = line.IndexOfAny(ForbiddenCharacters);
        if (at >= 0)
        {
            throw Error(Line, $"control character U+{(int)line[at]:X4} at column {at + 1}; a manifest holds text, with tabs and spaces as the only blanks");
        }

        return line;
    }

    protected ManifestException TooLong(int line) =>
        Error(line, $"the line is longer than {MaxLineBytes:N0} bytes, the most a manifest line may hold (is this a manifest?)");

    protected ManifestException Error(int line, string problem) => new(FileName, line, problem);
}
