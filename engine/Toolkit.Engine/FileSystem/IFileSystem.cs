namespace Toolkit.Engine.FileSystem;

/// <summary>
/// All disk access of the engine goes through this, so tests run on <see cref="MemoryFileSystem"/>.
/// Paths are relative to the project root, with '/' separators, as the graph keeps them.
/// </summary>
public interface IFileSystem
{
    /// <summary>Size and modification time, or <see cref="FileStamp.Missing"/>.</summary>
    FileStamp Stat(string path);

    /// <summary>
    /// Opens a file for reading; throws <see cref="FileNotFoundException"/> when absent and
    /// <see cref="IOException"/> naming the path when it is not a regular file (a FIFO, a device).
    /// </summary>
    Stream OpenRead(string path);

    /// <summary>Reads a whole file; refuses what <see cref="OpenRead"/> refuses, and a file too large for an array.</summary>
    byte[] ReadAllBytes(string path);

    /// <summary>
    /// As <see cref="ReadAllBytes(string)"/>, into <paramref name="buffer"/> where the file system can (a larger array
    /// replaces it when the file does not fit), so a caller reading many files reuses one array; returns the length.
    /// A file system that cannot read into a buffer replaces it with the file's own array, as this default does: the
    /// caller reads the array and never writes it.
    /// </summary>
    int ReadInto(string path, ref byte[] buffer)
    {
        var contents = ReadAllBytes(path);
        buffer = contents;
        return contents.Length;
    }

    /// <summary>
    /// Reads a plain regular file shorter than <paramref name="buffer"/> whole into it, with no stream: true with its
    /// length. False when it is not shorter, not a plain regular file, reached through a link, or anything fails; the
    /// caller then reads it through <see cref="OpenRead"/>, which reports what is wrong. The buffer is never replaced.
    /// The default reads nothing; the disk's saves a stream, its handle and its advisory lock per file (a hasher
    /// reading 100k sources: 8 system calls and ~300 bytes of garbage each through a FileStream, 4 and none so).
    /// </summary>
    bool TryReadSmall(string path, byte[] buffer, out int length)
    {
        length = 0;
        return false;
    }

    /// <summary>Writes a whole file atomically: readers see the old contents or the new, never a mix.</summary>
    void WriteAllBytes(string path, ReadOnlySpan<byte> contents);

    /// <summary>
    /// Starts writing a whole file in parts, atomically as <see cref="WriteAllBytes"/>, for a writer that would otherwise
    /// hold a large file whole in memory to write it (the signature database is encoded and written a part of about 32 KiB at a time, <see cref="Persistence.CheckedFileWriter.PartBytes"/>).
    /// The default gathers the parts and calls <see cref="WriteAllBytes"/> on commit (<see cref="GatheredFileWrite"/>);
    /// the disk writes each part to a temporary file as it comes and renames it over the file on commit.
    /// </summary>
    IFileWrite BeginWrite(string path) => new GatheredFileWrite(this, path);

    /// <summary>Deletes a file if it exists.</summary>
    void Delete(string path);

    /// <summary>True when the path names an existing directory.</summary>
    bool DirectoryExists(string path);

    /// <summary>
    /// Removes the temporary files (<see cref="EngineFiles.IsTemporary"/>) directly in a directory
    /// that no running process is writing (a kill -9, a full disk, a crash left them); returns how
    /// many. A file system without temporary files has nothing to remove.
    /// </summary>
    int RemoveStaleTemporaryFiles(string directory) => 0;

    /// <summary>
    /// <see cref="Stat"/> of a path given as UTF-8 bytes (the build image's paths, read in place). The default decodes it
    /// to a string; the disk stats it without allocating (<see cref="NativeStat"/>).
    /// </summary>
    FileStamp StatUtf8(ReadOnlySpan<byte> path) => Stat(System.Text.Encoding.UTF8.GetString(path));
}
