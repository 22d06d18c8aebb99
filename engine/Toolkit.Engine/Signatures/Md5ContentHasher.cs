using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Signatures;

/// <summary>
/// MD5 content signatures the way a first port of SCons computes them: the whole file is read
/// into one byte[] with <see cref="IFileSystem.ReadAllBytes"/> and hashed in one call.
/// Cost: a transient array the size of the file for every hashed file; above 85,000 bytes that
/// array goes to the large object heap, which is only collected with generation 2, so hashing
/// big files raises peak memory and gen-2 GC count. The chunked variant exists to remove that.
/// The digest is <see cref="ManagedMd5"/>'s (the platform's MD5 would load OpenSSL).
/// </summary>
public sealed class Md5ContentHasher : IContentHasher
{
    /// <summary>The name reported for this hasher.</summary>
    public const string HasherName = "md5-whole-file";

    /// <inheritdoc />
    public string Name => HasherName;

    /// <inheritdoc />
    // excerpt: whole-file-hash
    public ContentSignature HashFile(IFileSystem fileSystem, string path)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        var contents = fileSystem.ReadAllBytes(path);
        return HashBytes(contents);
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
