namespace Toolkit.Engine.FileSystem;

/// <summary>
/// What a stat says about a file: its size and last-write time.
/// Special values: <see cref="Unknown"/> (Size = -2) means not yet stat'ed;
/// <see cref="Missing"/> (Size = -1) means the file does not exist.
/// </summary>
public readonly record struct FileStamp(long Size, long ModifiedTicks)
{
    /// <summary>Not yet stat'ed.</summary>
    public static FileStamp Unknown => new(-2, 0);

    /// <summary>Stat'ed, and absent.</summary>
    public static FileStamp Missing => new(-1, 0);

    /// <summary>True when the file was stat'ed and exists.</summary>
    public bool Exists => Size >= 0;

    /// <summary>True when the file has not been stat'ed yet.</summary>
    public bool IsUnknown => Size == -2;
}
