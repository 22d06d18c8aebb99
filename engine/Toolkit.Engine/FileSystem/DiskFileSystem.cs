namespace Toolkit.Engine.FileSystem;

/// <summary>The real disk, rooted at a project directory.</summary>
public sealed class DiskFileSystem : IFileSystem
{
    private readonly string _root;
    private readonly byte[] _nativeRoot;
    private readonly OutputDirectories _outputDirectories;

    /// <summary>Creates a file system whose relative paths resolve under <paramref name="root"/>.</summary>
    public DiskFileSystem(string root)
    {
        _root = Path.GetFullPath(root);
        _nativeRoot = NativeFiles.EncodeRoot(_root);
        _outputDirectories = new OutputDirectories(_root);
    }

    /// <summary>The absolute project root.</summary>
    public string Root => _root;

    /// <summary>The absolute path of a project-relative path.</summary>
    public string FullPath(string path) => Path.IsPathRooted(path) ? path : Path.Join(_root, path);

    /// <inheritdoc />
    /// <remarks>
    /// A symbolic link is stamped as itself (its own size and time) and exists unless it leads to a directory, as
    /// <see cref="FileInfo"/> reports it. The plain cases go through <see cref="NativeFiles"/> (no object per stat).
    /// </remarks>
    public FileStamp Stat(string path)
    {
        if (NativeFiles.TryStat(_nativeRoot, path, out var stamp))
        {
            return stamp;
        }

        var info = new FileInfo(FullPath(path));
        return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks) : FileStamp.Missing;
    }

    /// <inheritdoc />
    /// <remarks>On Linux x64 one stat(2) into a stack buffer (<see cref="NativeStat"/>), the same answer as <see cref="Stat"/>; elsewhere <see cref="Stat"/>.</remarks>
    public FileStamp StatUtf8(ReadOnlySpan<byte> path)
    {
        return NativeStat.TryStat(path.Length > 0 && path[0] == (byte)'/' ? [] : _nativeRoot, path, out var stamp)
            ? stamp
            : Stat(System.Text.Encoding.UTF8.GetString(path));
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
    /// <remarks>A regular file reached without a link is read with <see cref="NativeFiles"/> (no path string, stream or handle object).</remarks>
    public int ReadInto(string path, ref byte[] buffer)
    {
        if (NativeFiles.TryReadAll(_nativeRoot, path, Array.MaxLength, ref buffer, out var length))
        {
            return length;
        }

        buffer = ReadAllBytes(path); // anything but a plain regular file: checked, read or refused as before
        return buffer.Length;
    }

    /// <inheritdoc />
    /// <remarks>Through <see cref="NativeFiles"/>, allowed one byte less than the buffer so that a file grown since its stat fills it and is refused.</remarks>
    public bool TryReadSmall(string path, byte[] buffer, out int length)
    {
        var into = buffer;
        return NativeFiles.TryReadAll(_nativeRoot, path, buffer.Length - 1, ref into, out length) && ReferenceEquals(into, buffer);
    }

    /// <inheritdoc />
    public void WriteAllBytes(string path, ReadOnlySpan<byte> contents)
    {
        using var file = BeginWrite(path);
        file.Write(contents);
        file.Commit();
    }

    /// <inheritdoc />
    /// <remarks>
    /// Writes beside the target, then renames over it: a crash leaves the old file or the new one, and at worst a temporary
    /// file named so that the next build or clean removes it (<see cref="EngineFiles"/>). Each part is one write system call
    /// through a handle, with no stream or buffer of its own.
    /// </remarks>
    public IFileWrite BeginWrite(string path)
    {
        var full = FullPath(path);
        var directory = Path.GetDirectoryName(full);
        if (!Path.IsPathRooted(path))
        {
            _outputDirectories.Ensure(directory ?? string.Empty);
        }
        else if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        return new DiskFileWrite(full);
    }

    /// <inheritdoc />
    public void Delete(string path)
    {
        var full = FullPath(path);
        if (File.Exists(full))
        {
            if (!Path.IsPathRooted(path))
            {
                _outputDirectories.Ensure(Path.GetDirectoryName(full) ?? string.Empty); // exists: only checks that it is inside the project
            }

            File.Delete(full);
        }
    }

    /// <inheritdoc />
    public bool DirectoryExists(string path) => Directory.Exists(FullPath(path));

    /// <inheritdoc />
    public int RemoveStaleTemporaryFiles(string directory)
    {
        var full = FullPath(directory);
        if (!Directory.Exists(full))
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(full, "*" + EngineFiles.TemporaryMarker + "*"))
        {
            var writer = EngineFiles.WriterOf(file);
            if (writer != Environment.ProcessId && !ProcessIsAlive(writer) && TryDelete(file))
            {
                removed++;
            }
        }

        return removed;
    }

    /// <summary>True when a process with this id runs (on Linux, /proc/PID exists); unknown ids count as dead.</summary>
    internal static bool ProcessIsAlive(int pid) =>
        pid > 0 && (OperatingSystem.IsLinux() ? Directory.Exists("/proc/" + pid.ToString(System.Globalization.CultureInfo.InvariantCulture)) : AliveByHandle(pid));

    private static bool AliveByHandle(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    internal static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
