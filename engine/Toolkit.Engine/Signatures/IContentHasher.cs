using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Signatures;

/// <summary>
/// Computes content signatures. The engine asks this seam for every file it hashes, so a
/// variant can change how files are read (whole, or block by block) without touching the decider.
/// </summary>
public interface IContentHasher
{
    /// <summary>A short name for reports ("md5-whole-file", "md5-chunked").</summary>
    string Name { get; }

    /// <summary>The signature of a file's contents.</summary>
    ContentSignature HashFile(IFileSystem fileSystem, string path);

    /// <summary>The signature of bytes already in memory (action command lines, build signatures).</summary>
    ContentSignature HashBytes(ReadOnlySpan<byte> data);
}
