namespace Toolkit.Engine.Persistence;

/// <summary>What reading a <see cref="CheckedFile"/> found.</summary>
public enum CheckedFileStatus : byte
{
    /// <summary>The file is whole: magic, version, length and checksum all agree.</summary>
    Ok = 0,
    /// <summary>There is no such file (a first build).</summary>
    Missing = 1,
    /// <summary>The file exists but cannot be trusted; the result's reason says why.</summary>
    Damaged = 2,
}
