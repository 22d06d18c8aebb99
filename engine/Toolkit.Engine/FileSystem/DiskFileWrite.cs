using Microsoft.Win32.SafeHandles;

namespace Toolkit.Engine.FileSystem;

/// <summary>
/// <see cref="DiskFileSystem.BeginWrite"/>: the parts go to a temporary file beside the target (<see cref="EngineFiles.TemporaryFor"/>),
/// one write system call each, and <see cref="Commit"/> renames it over the target. A write that fails (a full disk) or is
/// disposed without a commit removes the temporary file; a process killed meanwhile leaves it named so that the next build
/// or clean removes it.
/// </summary>
internal sealed class DiskFileWrite : IFileWrite
{
    private readonly string _full;
    private readonly string _temporary;
    private SafeFileHandle? _handle;
    private long _offset;

    /// <summary>Creates the temporary file for <paramref name="full"/> (its directory exists).</summary>
    public DiskFileWrite(string full)
    {
        _full = full;
        _temporary = EngineFiles.TemporaryFor(full);
        _handle = File.OpenHandle(_temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
    }

    /// <inheritdoc />
    public void Write(ReadOnlySpan<byte> part)
    {
        ObjectDisposedException.ThrowIf(_handle is null, this);
        RandomAccess.Write(_handle, part, _offset);
        _offset += part.Length;
    }

    /// <inheritdoc />
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_handle is null, this);
        _handle.Dispose();
        _handle = null;
        try
        {
            File.Move(_temporary, _full, overwrite: true);
        }
        catch
        {
            DiskFileSystem.TryDelete(_temporary); // a failed rename must not leave it behind
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_handle is not null)
        {
            _handle.Dispose();
            _handle = null;
            DiskFileSystem.TryDelete(_temporary);
        }
    }
}
