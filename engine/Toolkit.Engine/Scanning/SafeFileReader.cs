using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// Reads a file for the scanners without letting one bad file end a batch: a symbolic link loop, a
/// dangling link, a permission error or a file that vanished since it was stat'ed gives one warning
/// naming the file and the reason, and the file is scanned as empty (it stays a dependency when it was
/// found, so the build that needs it reports it too).
/// </summary>
internal sealed class SafeFileReader
{
    private readonly IFileSystem _fileSystem;
    private readonly ScanDiagnostics _diagnostics;

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

    private static string Reason(Exception exception) => exception switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file (a dangling symbolic link?)",
        UnauthorizedAccessException => "permission denied",
        _ => exception.Message.TrimEnd('.'),
    };
}
