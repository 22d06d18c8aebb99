using System.Buffers;

namespace Toolkit.Engine.Persistence;

/// <summary>
/// Byte buffers for writing files: small ones from the shared pool, large ones allocated and left to
/// the GC. The shared pool keeps whatever is returned to it for the life of the process, so a
/// database-sized buffer (tens of megabytes at a million nodes) returned there would stay resident
/// after every save and be measured as if the graph held it.
/// </summary>
internal static class ScratchBuffers
{
    /// <summary>
    /// Largest buffer taken from and given back to the shared pool: 1 MiB covers every small file and
    /// the first growth steps of a writer, and is what the pool is designed to hold per core.
    /// </summary>
    public const int PoolLimit = 1 << 20;

    /// <summary>A buffer of at least <paramref name="length"/> bytes.</summary>
    public static byte[] Rent(int length) =>
        length <= PoolLimit ? ArrayPool<byte>.Shared.Rent(length) : GC.AllocateUninitializedArray<byte>(length);

    /// <summary>Gives a buffer back: to the pool when small, to the GC otherwise.</summary>
    public static void Return(byte[] buffer)
    {
        if (buffer.Length <= PoolLimit)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
