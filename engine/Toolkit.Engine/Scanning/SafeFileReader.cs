using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// Reads a file for the scanners without letting one bad file end a batch: a symbolic link loop, a
/// dangling link, a permission error or a file that vanished since it was stat'ed gives one warning
/// naming the file and the reason, and the file is scanned as empty (it stays a dependency when it was
/// found, so the build that needs it reports it too).
/// <para><see cref="TryReadShared"/> reads into one buffer per scanning thread instead of an array per file: a source
/// of 450 bytes cost ~660 bytes of garbage (the array, the joined path, the stream) and now costs none. The buffers
/// go with the reader (so with the scanner); one that grew past <see cref="KeptBufferBytes"/> for a large file is not
/// kept.</para>
/// </summary>
internal sealed class SafeFileReader
{
    /// <summary>The first buffer of a thread: larger than most sources and headers, small beside a thread's stack.</summary>
    private const int FirstBufferBytes = 16 * 1024;

    /// <summary>The largest buffer kept between reads: a rare huge file gets its own array rather than pinning its size for the scan.</summary>
    private const int KeptBufferBytes = 1024 * 1024;

    private readonly IFileSystem _fileSystem;
    private readonly ScanDiagnostics _diagnostics;
    private readonly ThreadLocal<byte[]> _buffers = new(() => new byte[FirstBufferBytes]);

    public SafeFileReader(IFileSystem fileSystem, ScanDiagnostics diagnostics)
    {
        _fileSystem = fileSystem;
        _diagnostics = diagnostics;
    }

    /// <summary>The contents of a canonical path, or null (warned) when it cannot be read.</summary>
    public byte[]? Read(string path)
    {
        try
        {
            return _fileSystem.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            _diagnostics.Warn($"cannot read '{path}': {Reason(exception)}; its includes are not scanned");
            return null;
        }
    }

    /// <summary>
    /// As <see cref="Read"/>, into this thread's buffer: <paramref name="contents"/> is valid until this thread reads
    /// again. False (warned) when the file cannot be read.
    /// </summary>
    public bool TryReadShared(string path, out ReadOnlySpan<byte> contents)
    {
        var buffer = _buffers.Value!;
        int length;
        try
        {
            length = _fileSystem.ReadInto(path, ref buffer);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            _diagnostics.Warn($"cannot read '{path}': {Reason(exception)}; its includes are not scanned");
            contents = default;
            return false;
        }

        if (buffer.Length >= FirstBufferBytes && buffer.Length <= KeptBufferBytes)
        {
            _buffers.Value = buffer; // a smaller one is a file system's own array (see IFileSystem), a larger one too big to keep
        }

        contents = buffer.AsSpan(0, length);
        return true;
    }

    private static string Reason(Exception exception) => exception switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file (a dangling symbolic link?)",
        UnauthorizedAccessException => "permission denied",
        _ => exception.Message.TrimEnd('.'),
    };
}
