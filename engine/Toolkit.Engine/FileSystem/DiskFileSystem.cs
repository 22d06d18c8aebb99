namespace Toolkit.Engine.FileSystem;

/// <summary>The real disk, rooted at a project directory.</summary>
public sealed class DiskFileSystem : IFileSystem
{
    private readonly string _root;

    /// <summary>Creates a file system whose relative paths resolve under <paramref name="root"/>.</summary>
    public DiskFileSystem(string root)
    {
        _root = Path.GetFullPath(root);
    }

    /// <summary>The absolute project root.</summary>
    public string Root => _root;

    /// <summary>The absolute path of a project-relative path.</summary>
    public string FullPath(string path) => Path.IsPathRooted(path) ? path : Path.Join(_root, path);

    /// <inheritdoc />
    public FileStamp Stat(string path)
    {
        var info = new FileInfo(FullPath(path));
        return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks) : FileStamp.Missing;
    }

    /// <inheritdoc />
    /// <remarks>Refuses anything but a regular file before opening it: a FIFO would block, a device never end.</remarks>
    public Stream OpenRead(string path)
    {
        var full = FullPath(path);
        FileProbe.RequireRegular(full);
        return new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
    }

    /// <inheritdoc />
    /// <remarks>Refuses anything but a regular file, and one larger than an array can hold, before reading a byte.</remarks>
    public byte[] ReadAllBytes(string path)
    {
        var full = FullPath(path);
        FileProbe.RequireRegular(full, Array.MaxLength);
        return File.ReadAllBytes(full);
    }

    /// <inheritdoc />
    public void WriteAllBytes(string path, ReadOnlySpan<byte> contents)
    {
        var full = FullPath(path);
        var directory = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // Write beside the target, then rename over it: a crash leaves the old file or the new one.
        var temporary = full + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Environment.CurrentManagedThreadId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(contents);
        }

        File.Move(temporary, full, overwrite: true);
    }

    /// <inheritdoc />
    public void Delete(string path)
    {
        var full = FullPath(path);
        if (File.Exists(full))
        {
            File.Delete(full);
        }
    }

    /// <inheritdoc />
    public bool DirectoryExists(string path) => Directory.Exists(FullPath(path));
}
