namespace Toolkit.Engine.Signatures;

/// <summary>A hash's compression of whole 64-byte blocks (<see cref="ManagedMd5"/>'s and <see cref="Persistence.ManagedSha256"/>'s state).</summary>
internal interface IBlockHash
{
    /// <summary>Compresses <paramref name="blocks"/>, whose length is a multiple of <see cref="HashPadding.BlockSize"/>.</summary>
    void Blocks(ReadOnlySpan<byte> blocks);
}

/// <summary>
/// What an incremental hash holds back between parts: the bytes that do not fill a block yet, and the length so far.
/// <see cref="Append"/> hands whole blocks to the hash as they fill; the final padding takes <see cref="Tail"/>. Costs one
/// 64-byte array per hash.
/// </summary>
internal sealed class PendingBlock
{
    private const int BlockSize = HashPadding.BlockSize;

    private readonly byte[] _bytes = new byte[BlockSize];
    private int _count;

    /// <summary>Bytes appended since the last reset.</summary>
    public ulong Length { get; private set; }

    /// <summary>The bytes held back: fewer than a block.</summary>
    public ReadOnlySpan<byte> Tail => _bytes.AsSpan(0, _count);

    /// <summary>Adds <paramref name="data"/>: the held-back block first when it fills, then the whole blocks of the rest.</summary>
    public void Append<THash>(ref THash hash, ReadOnlySpan<byte> data)
        where THash : struct, IBlockHash
    {
        Length += (ulong)data.Length;
        if (_count > 0)
        {
            var take = Math.Min(BlockSize - _count, data.Length);
            data[..take].CopyTo(_bytes.AsSpan(_count));
            _count += take;
            data = data[take..];
            if (_count < BlockSize)
            {
                return;
            }

            hash.Blocks(_bytes);
            _count = 0;
        }

        var whole = data.Length - (data.Length % BlockSize);
        hash.Blocks(data[..whole]);
        data[whole..].CopyTo(_bytes);
        _count = data.Length - whole;
    }

    /// <summary>Forgets what was appended.</summary>
    public void Reset()
    {
        _count = 0;
        Length = 0;
    }
}
