namespace Toolkit.Engine.FileSystem;

/// <summary>
/// What a path names, as <c>stat</c> (following symbolic links) reports it. The engine reads and
/// writes <see cref="Regular"/> files only: a FIFO blocks a reader for ever, a character device
/// such as <c>/dev/zero</c> never ends, so both are refused before they are opened.
/// </summary>
public enum FileKind : byte
{
    /// <summary>Nothing there (or a dangling symbolic link).</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A named pipe.</summary>
    Fifo,

    /// <summary>A character device (<c>/dev/zero</c>, <c>/dev/null</c>, a terminal).</summary>
    CharacterDevice,

    /// <summary>A block device.</summary>
    BlockDevice,

    /// <summary>A Unix domain socket.</summary>
    Socket,

    /// <summary>A chain of symbolic links that loops (or is too long to follow).</summary>
    LinkLoop,
}
