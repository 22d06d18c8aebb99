using System.Buffers;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Signatures;

namespace Toolkit.Optimizations.ChunkedHashing;

/// <summary>
/// MD5 content signatures computed block by block: the file is streamed through a
/// <see cref="ManagedMd5"/> (the platform's MD5 would load OpenSSL) in blocks of <see cref="BlockSize"/> bytes read into a buffer rented
/// from <see cref="ArrayPool{T}.Shared"/>, so hashing a file of any size allocates no file-sized array
/// and nothing on the large object heap. The signatures equal <see cref="Md5ContentHasher"/>'s (MD5 of
/// the whole file). Saves the transient file-sized array (and the gen-2 collections its LOH allocation
/// brings) per hashed file; costs one read call per block instead of one per file, and a per-thread
/// <see cref="ManagedMd5"/>.
/// </summary>
public sealed class ChunkedMd5ContentHasher : IContentHasher
{
    /// <summary>
    /// Bytes read per block: 64 KiB stays below the 85,000-byte large-object-heap threshold (the pool's
    /// arrays of this size live on the ordinary heap and are reused), and is large enough that the read
    /// calls and hash updates are amortised (a typical source file fits in one block).
    /// </summary>
    public const int BlockSize = 64 * 1024;

    /// <summary>The name reported for this hasher.</summary>
    public const string HasherName = "md5-chunked";

    [ThreadStatic]
    private static ManagedMd5? _md5;

    /// <inheritdoc />
    public string Name => HasherName;

    /// <inheritdoc />
    // excerpt: chunked-hashing
    public ContentSignature HashFile(IFileSystem fileSystem, string path)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        var md5 = _md5 ??= new ManagedMd5();
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            Span<byte> digest = stackalloc byte[ManagedMd5.HashSizeInBytes];
            if (fileSystem.TryReadSmall(path, buffer, out var length))
            {
                // A file shorter than a block (nearly every source and header) is read in one call, with no stream.
                ManagedMd5.HashData(buffer.AsSpan(0, length), digest);
                return ContentSignature.FromBytes(digest);
            }

            using var stream = fileSystem.OpenRead(path);
            int read;
            while ((read = stream.Read(buffer, 0, BlockSize)) > 0)
            {
                md5.Append(buffer.AsSpan(0, read));
            }

            md5.GetHashAndReset(digest);
            return ContentSignature.FromBytes(digest);
        }
        catch
        {
            // A failed read must not leave half a file in this thread's hash for the next file.
            md5.Reset();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
    // end excerpt

    /// <inheritdoc />
    public ContentSignature HashBytes(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[ManagedMd5.HashSizeInBytes];
        ManagedMd5.HashData(data, digest);
        return ContentSignature.FromBytes(digest);
    }
}
