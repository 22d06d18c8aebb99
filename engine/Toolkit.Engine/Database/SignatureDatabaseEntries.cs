using System.Buffers;
using System.Globalization;
using System.Text.Unicode;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Persistence;

namespace Toolkit.Engine.Database;

/// <summary>
/// The entries of a signature database payload (Database/FORMAT.md) read one by one, each path as
/// characters in a pooled buffer that the next entry overwrites: no string per path and no dictionary,
/// so a project opening its database applies it straight into the node store (about 200 bytes of
/// garbage per entry less than <see cref="SignatureDatabase.Load"/>). Checks what
/// <see cref="SignatureDatabase.Load"/> checks (every count and length, sorted unique paths, flags,
/// UTF-8) and throws <see cref="FormatException"/> naming the entry and offset, so a reader must be
/// ready to undo what it applied before the damage. Dispose returns the buffers.
/// </summary>
public ref struct SignatureDatabaseEntries
{
    /// <summary>The buffers' first size, in bytes and characters: longer than most paths.</summary>
    private const int InitialPathLength = 256;

    private PayloadReader _reader;
    private byte[] _bytes;
    private char[] _current;
    private char[] _previous;
    private int _byteLength;
    private int _previousLength;
    private int _index;

    /// <summary>Starts reading <paramref name="payload"/>; throws <see cref="FormatException"/> when its count is impossible.</summary>
    public SignatureDatabaseEntries(ReadOnlySpan<byte> payload)
    {
        _reader = new PayloadReader(payload);
        Count = _reader.ReadVarInt32(_reader.Remaining / SignatureDatabaseCodec.MinEntryBytes, "the entry count");
        _bytes = ArrayPool<byte>.Shared.Rent(InitialPathLength);
        _current = ArrayPool<char>.Shared.Rent(InitialPathLength);
        _previous = ArrayPool<char>.Shared.Rent(InitialPathLength);
        _previousLength = -1;
    }

    /// <summary>Number of entries the payload holds.</summary>
    public readonly int Count { get; }

    /// <summary>
    /// The next entry: its path (valid until the next call) and info; false after the last, once the
    /// payload is checked to end there.
    /// </summary>
    public bool MoveNext(out ReadOnlySpan<char> path, out NodeInfo info)
    {
        if (_index == Count)
        {
            if (!_reader.IsAtEnd)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"payload offset {_reader.Position}: {_reader.Remaining} bytes follow the last of {Count} entries"));
            }

            path = default;
            info = NodeInfo.None;
            return false;
        }

        var start = _reader.Position;
        var shared = _reader.ReadVarInt32(_byteLength, "the shared prefix length");
        var suffix = _reader.ReadVarInt32(SignatureDatabaseCodec.MaxPathBytes - shared, "the path suffix length");
        Grow(ref _bytes, shared + suffix, shared);
        _reader.ReadBytes(suffix).CopyTo(_bytes.AsSpan(shared));
        _byteLength = shared + suffix;
        (_previous, _current) = (_current, _previous);
        Grow(ref _current, _byteLength, 0);
        if (Utf8.ToUtf16(_bytes.AsSpan(0, _byteLength), _current, out _, out var length, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
        {
            throw SignatureDatabaseCodec.Error(_index, start, "the path is not valid UTF-8");
        }

        path = _current.AsSpan(0, length);
        if (_previousLength >= 0 && _previous.AsSpan(0, _previousLength).SequenceCompareTo(path) >= 0)
        {
            throw SignatureDatabaseCodec.Error(_index, start, $"path '{path}' does not sort after '{_previous.AsSpan(0, _previousLength)}' (duplicate or out of order)");
        }

        info = SignatureDatabaseCodec.ReadInfo(ref _reader, _index);
        _previousLength = length;
        _index++;
        return true;
    }

    /// <summary>Returns the buffers to the pool.</summary>
    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_bytes);
        ArrayPool<char>.Shared.Return(_current);
        ArrayPool<char>.Shared.Return(_previous);
        _bytes = [];
        _current = [];
        _previous = [];
    }

    // A UTF-8 path of n bytes is at most n UTF-16 characters, so one length serves both buffers.
    private static void Grow<T>(ref T[] buffer, int length, int keep)
    {
        if (buffer.Length >= length)
        {
            return;
        }

        var grown = ArrayPool<T>.Shared.Rent(length);
        buffer.AsSpan(0, keep).CopyTo(grown);
        ArrayPool<T>.Shared.Return(buffer);
        buffer = grown;
    }
}
