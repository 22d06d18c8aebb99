namespace Toolkit.Engine.Persistence;

/// <summary>The trailing checksum of a <see cref="CheckedFile"/>.</summary>
public enum FrameChecksum : byte
{
    /// <summary>SHA-256, 32 bytes: every engine file but the build image.</summary>
    Sha256 = 0,

    /// <summary>XxHash128, 16 bytes (System.IO.Hashing, managed): the build image, read where OpenSSL is not loaded.</summary>
    XxHash128 = 1,
}
