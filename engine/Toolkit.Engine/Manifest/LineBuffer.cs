using System.Buffers;

namespace Toolkit.Engine.Manifest;

/// <summary>
/// A window over a stream of bytes or characters that hands out one line at a time: one pooled
/// buffer, compacted as lines are taken and grown only as far as the longest line, so memory is
/// bounded by <see cref="ManifestLineSource.MaxLineBytes"/> however long the input.
/// </summary>
/// <typeparam name="T">byte for UTF-8 input, char for text.</typeparam>
internal sealed class LineBuffer<T> : IDisposable
    where T : unmanaged, IEquatable<T>
{
    /// <summary>Start size: a read of this size covers many ordinary lines.</summary>
    private const int InitialSize = 64 * 1024;

    private readonly Func<T[], int, int, int> _read;
    private readonly T _newline;
    private T[] _items = ArrayPool<T>.Shared.Rent(InitialSize);
    private int _start;
    private int _end;
    private bool _endOfFile;

    /// <summary>Reads through <paramref name="read"/> (buffer, offset, count) -> items read, 0 at the end.</summary>
    public LineBuffer(Func<T[], int, int, int> read, T newline)
    {
        _read = read;
        _newline = newline;
    }

    /// <summary>Items taken so far, line ends included: the offset of the next line in the input.</summary>
    public long Position { get; private set; }

    /// <summary>
    /// The next line without its newline; false at the end. Throws what <paramref name="tooLong"/> makes
    /// when a line holds more than <paramref name="maxLength"/> items, before reading much beyond them.
    /// </summary>
    public bool TryTakeLine(int maxLength, Func<Exception> tooLong, out ReadOnlySpan<T> line)
    {
        while (true)
        {
            var pending = _items.AsSpan(_start, _end - _start);
            var newline = pending.IndexOf(_newline);
            if (newline >= 0 || (_endOfFile && !pending.IsEmpty))
            {
                var length = newline >= 0 ? newline : pending.Length;
                if (length > maxLength)
                {
                    throw tooLong();
                }

                var taken = newline >= 0 ? newline + 1 : length;
                _start += taken;
                Position += taken;
                line = pending[..length];
                return true;
            }

            if (_endOfFile)
            {
                line = default;
                return false;
            }

            if (pending.Length > maxLength)
            {
                throw tooLong();
            }

            Fill(maxLength);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ArrayPool<T>.Shared.Return(_items);
        _items = [];
    }

    private void Fill(int maxLength)
    {
        var pending = _end - _start;
        if (_start > 0)
        {
            _items.AsSpan(_start, pending).CopyTo(_items);
            _start = 0;
            _end = pending;
        }

        if (_end == _items.Length)
        {
            var larger = ArrayPool<T>.Shared.Rent(Math.Min(_items.Length * 2, maxLength + InitialSize));
            _items.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<T>.Shared.Return(_items);
            _items = larger;
        }

        var read = _read(_items, _end, _items.Length - _end);
        _endOfFile = read == 0;
        _end += read;
    }
}
