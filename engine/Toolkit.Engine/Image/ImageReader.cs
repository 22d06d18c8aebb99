using Microsoft.Win32.SafeHandles;

namespace Toolkit.Engine.Image;

/// <summary>
/// Reads a build image by ranges through a small window (<see cref="WindowBytes"/>), from an open file (positioned reads:
/// the file replaced by a rename meanwhile is not seen) or from bytes in memory. The image is read once for its checksum
/// and once for its entries and paths, each time through the window: the process never holds the whole file, mapped or
/// copied (at 100k sources it is 13.7 MB, which a mapping read whole adds to the peak resident set as page-cache pages).
/// Saves the file's size in resident memory; costs a copy of each byte into the window, twice.
/// </summary>
internal sealed class ImageReader : IDisposable
{
    /// <summary>Bytes of a window: a read of 64 KiB is one system call and the buffer stays off the large-object heap.</summary>
    internal const int WindowBytes = 64 * 1024;

    private readonly SafeFileHandle? _handle;
    private readonly bool _ownsHandle;
    private readonly byte[]? _bytes;
    private readonly byte[] _window = GC.AllocateUninitializedArray<byte>(WindowBytes);
    private long _windowAt = -1;
    private int _windowLength;

    private ImageReader(SafeFileHandle? handle, byte[]? bytes, bool ownsHandle, long length)
    {
        _handle = handle;
        _ownsHandle = ownsHandle;
        _bytes = bytes;
        Length = length;
    }

    /// <summary>The file's length when it was opened.</summary>
    public long Length { get; }

    /// <summary>Opens the file at <paramref name="fullPath"/> for reading.</summary>
    public static ImageReader Open(string fullPath)
    {
        var handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        return new(handle, null, ownsHandle: true, RandomAccess.GetLength(handle));
    }

    /// <summary>Reads from <paramref name="bytes"/> (a file system in memory).</summary>
    public static ImageReader Over(byte[] bytes) => new(null, bytes, ownsHandle: false, bytes.Length);

    /// <summary>A second reader of the same file with a window of its own (it leaves the file open: this one closes it).</summary>
    public ImageReader Beside() => new(_handle, _bytes, ownsHandle: false, Length);

    /// <summary>
    /// The <paramref name="count"/> bytes at <paramref name="offset"/> (at most <see cref="WindowBytes"/>, within <see cref="Length"/>:
    /// the caller checks), valid until the next call; the window is refilled from <paramref name="offset"/> when they are not in it.
    /// </summary>
    public ReadOnlySpan<byte> Get(long offset, int count)
    {
        if (offset < _windowAt || offset + count > _windowAt + _windowLength)
        {
            Fill(offset, (int)Math.Min(WindowBytes, Length - offset));
            if (count > _windowLength)
            {
                throw new EndOfStreamException($"the build image ends before byte {offset + count}");
            }
        }

        return _window.AsSpan((int)(offset - _windowAt), count);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHandle)
        {
            _handle?.Dispose();
        }
    }

    private void Fill(long offset, int count)
    {
        _windowAt = offset;
        _windowLength = 0;
        while (_windowLength < count)
        {
            var read = Read(offset + _windowLength, _window.AsSpan(_windowLength, count - _windowLength));
            if (read == 0)
            {
                break; // shorter than when it was opened: Get reports it
            }

            _windowLength += read;
        }
    }

    private int Read(long offset, Span<byte> into)
    {
        if (_handle is not null)
        {
            return RandomAccess.Read(_handle, into, offset);
        }

        var available = (int)Math.Max(0, Math.Min(into.Length, _bytes!.Length - offset));
        _bytes.AsSpan((int)offset, available).CopyTo(into);
        return available;
    }
}
