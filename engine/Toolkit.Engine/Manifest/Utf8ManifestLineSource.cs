using System.Buffers;
using System.Text.Unicode;

namespace Toolkit.Engine.Manifest;

/// <summary>
/// Lines of a manifest stream in UTF-8 (a leading byte-order mark is skipped), decoded strictly:
/// bytes that are not UTF-8 are an error naming the line, the byte offset in the file and the byte.
/// Memory: the byte window of <see cref="LineBuffer{T}"/> and one character buffer as long as the
/// longest line.
/// </summary>
internal sealed class Utf8ManifestLineSource : ManifestLineSource
{
    private readonly LineBuffer<byte> _bytes;
    private readonly Func<Exception> _tooLong;
    private char[] _chars = ArrayPool<char>.Shared.Rent(InitialBufferSize);

    public Utf8ManifestLineSource(Stream stream, string fileName)
        : base(fileName)
    {
        _bytes = new LineBuffer<byte>(stream.Read, (byte)'\n');
        _tooLong = () => TooLong(Line + 1);
    }

    public override bool TryReadLine(out ReadOnlySpan<char> line)
    {
        var offset = _bytes.Position;
        if (!_bytes.TryTakeLine(MaxLineBytes, _tooLong, out var bytes))
        {
            line = default;
            return false;
        }

        Line++;
        if (offset == 0 && bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
            offset = 3;
        }

        if (_chars.Length < bytes.Length)
        {
            ArrayPool<char>.Shared.Return(_chars);
            _chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        }

        if (Utf8.ToUtf16(bytes, _chars, out var read, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            throw Error(Line, $"invalid UTF-8: byte 0x{bytes[read]:X2} at byte offset {offset + read} (byte {read + 1} of the line); a manifest is UTF-8 text");
        }

        line = CheckCharacters(_chars.AsSpan(0, written));
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        _bytes.Dispose();
        ArrayPool<char>.Shared.Return(_chars);
        _chars = [];
    }
}
