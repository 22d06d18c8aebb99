namespace Toolkit.Engine.Image;

/// <summary>What a recorded probe asked of a path (one byte in the image's entry).</summary>
public enum ProbeKind : byte
{
    /// <summary>A stat: size and modification time, or missing (<see cref="FileSystem.FileStamp.Missing"/>).</summary>
    File = 0,

    /// <summary>Whether the path is a directory: the stamp's size is 1 when it was, 0 when not.</summary>
    Directory = 1,
}
