namespace Toolkit.Engine.Tests.Manifest;

/// <summary>A prefix, then one line of 'a' bytes that never ends within <c>length</c>; nothing is held.</summary>
internal sealed class EndlessLineStream(byte[] prefix, long length) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => prefix.Length + length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, Length - _position);
        for (var i = 0; i < n; i++)
        {
            var at = _position + i;
            buffer[offset + i] = at < prefix.Length ? prefix[at] : (byte)'a';
        }

        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
