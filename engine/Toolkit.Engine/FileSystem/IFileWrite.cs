namespace Toolkit.Engine.FileSystem;

/// <summary>
/// A file written in parts (<see cref="IFileSystem.BeginWrite"/>), atomically as <see cref="IFileSystem.WriteAllBytes"/>:
/// readers see the old contents or the whole new ones, never a mix. Nothing replaces the file before <see cref="Commit"/>;
/// disposing without it (a failed or interrupted write) leaves the old file as it was and no temporary file.
/// </summary>
public interface IFileWrite : IDisposable
{
    /// <summary>Appends the next part.</summary>
    void Write(ReadOnlySpan<byte> part);

    /// <summary>Replaces the file with what was written; the write is spent.</summary>
    void Commit();
}
