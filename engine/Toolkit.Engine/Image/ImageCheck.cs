using System.IO.MemoryMappedFiles;
using Toolkit.Engine.Build;
using Toolkit.Engine.Dependencies;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Persistence;

namespace Toolkit.Engine.Image;

/// <summary>
/// The null build's fast path: maps the build image read-only (on disk; a file system in memory reads it), checks
/// its frame, compares the manifest's hash given, the dependency log's and the database's, and the settings, then
/// stats every recorded path in place (<see cref="IFileSystem.StatUtf8"/>: no string per path) and compares the
/// answer. A file whose recorded time is not strictly older than the image's own is racy (git's rule): changed.
/// Saves building the managed graph; costs one mapping, three hashes and one stat per recorded path.
/// </summary>
public static class ImageCheck
{
    /// <summary>
    /// Checks the image in <paramref name="fileSystem"/>'s root against the manifest whose SHA-256 is
    /// <paramref name="manifestHash"/>; when the outcome is <see cref="ImageOutcome.UpToDate"/>, <paramref name="result"/> is
    /// what the null build reports. <paramref name="checkedPaths"/> counts the paths stat'ed.
    /// </summary>
    public static unsafe ImageOutcome Run(IFileSystem fileSystem, ReadOnlySpan<byte> manifestHash, EngineSettings settings, IBuildReporter reporter, out BuildResult result, out int checkedPaths)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(reporter);
        result = new BuildResult(0, 0, 0, 0, 0, false, TimeSpan.Zero);
        checkedPaths = 0;
        var stamp = fileSystem.Stat(BuildImage.FileName);
        if (!stamp.Exists || stamp.Size < CheckedFile.Overhead)
        {
            return stamp.Exists ? Damaged(reporter, "truncated") : ImageOutcome.Missing;
        }

        if (fileSystem is not DiskFileSystem disk)
        {
            return Check(fileSystem.ReadAllBytes(BuildImage.FileName), stamp, fileSystem, manifestHash, settings, reporter, ref result, ref checkedPaths);
        }

        try
        {
            using var mapped = MemoryMappedFile.CreateFromFile(disk.FullPath(BuildImage.FileName), FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
            using var view = mapped.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            try
            {
                var length = (long)view.SafeMemoryMappedViewHandle.ByteLength;
                if (length != stamp.Size || length > int.MaxValue)
                {
                    return ImageOutcome.FileChanged; // rewritten while it was being opened
                }

                return Check(new ReadOnlySpan<byte>(pointer + view.PointerOffset, (int)length), stamp, fileSystem, manifestHash, settings, reporter, ref result, ref checkedPaths);
            }
            finally
            {
                view.SafeMemoryMappedViewHandle.ReleasePointer();
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Damaged(reporter, "cannot be mapped: " + exception.Message);
        }
    }

    private static ImageOutcome Check(ReadOnlySpan<byte> file, FileStamp imageStamp, IFileSystem fileSystem, ReadOnlySpan<byte> manifestHash, EngineSettings settings, IBuildReporter reporter, ref BuildResult result, ref int checkedPaths)
    {
        if (CheckedFile.PeekVersion(file, BuildImage.Magic) is var version && version != BuildImage.Version && version != 0)
        {
            return ImageOutcome.OtherVersion;
        }

        if (CheckedFile.CheckFrame(file, BuildImage.Magic, BuildImage.Version, out _, out var payloadLength) is { } reason)
        {
            return Damaged(reporter, reason);
        }

        var payload = file.Slice(CheckedFile.HeaderSize, payloadLength);
        if (payload.Length < BuildImage.FixedSize)
        {
            return Damaged(reporter, "payload shorter than its fixed header");
        }

        const int H = BuildImage.HashSize;
        Span<byte> hash = stackalloc byte[H];
        var flags = settings.DependencyLog ? BuildImage.DependencyLogFlag : 0;
        if (!payload[..H].SequenceEqual(manifestHash) || BuildImage.U32(payload, 3 * H) != flags)
        {
            return ImageOutcome.InputsChanged;
        }

        BuildImage.HashFile(fileSystem, DependencyLog.FileName, hash);
        if (!payload.Slice(H, H).SequenceEqual(hash))
        {
            return ImageOutcome.InputsChanged;
        }

        BuildImage.HashFile(fileSystem, Project.DatabaseFileName, hash);
        if (!payload.Slice(2 * H, H).SequenceEqual(hash))
        {
            return ImageOutcome.InputsChanged;
        }

        var considered = (int)BuildImage.U32(payload, (3 * H) + 4);
        var upToDate = (int)BuildImage.U32(payload, (3 * H) + 8);
        var count = BuildImage.U32(payload, (3 * H) + 12);
        var entries = payload[BuildImage.FixedSize..];
        if (count > entries.Length / BuildImage.EntrySize || considered < 0 || upToDate < 0)
        {
            return Damaged(reporter, $"entry count {count} exceeds the payload");
        }

        var blob = entries[(int)(count * BuildImage.EntrySize)..];
        for (var i = 0; i < (int)count; i++)
        {
            var at = i * BuildImage.EntrySize;
            var offset = BuildImage.U32(entries, at);
            var field = BuildImage.U32(entries, at + 4);
            var length = field & ~BuildImage.DirectoryBit;
            if (offset > blob.Length || length > blob.Length - offset)
            {
                return Damaged(reporter, $"entry {i}: path at {offset}+{length} outside the {blob.Length}-byte path blob");
            }

            var path = blob.Slice((int)offset, (int)length);
            var recorded = new FileStamp(BuildImage.I64(entries, at + 8), BuildImage.I64(entries, at + 16));
            checkedPaths++;
            if ((field & BuildImage.DirectoryBit) != 0)
            {
                if (fileSystem.DirectoryExists(System.Text.Encoding.UTF8.GetString(path)) != (recorded.Size == 1))
                {
                    return ImageOutcome.FileChanged;
                }

                continue;
            }

            if (recorded.Exists && recorded.ModifiedTicks >= imageStamp.ModifiedTicks)
            {
                return ImageOutcome.Racy;
            }

            if (fileSystem.StatUtf8(path) != recorded)
            {
                return ImageOutcome.FileChanged;
            }
        }

        result = new BuildResult(considered, 0, upToDate, 0, 0, false, TimeSpan.Zero);
        return ImageOutcome.UpToDate;
    }

    private static ImageOutcome Damaged(IBuildReporter reporter, string reason)
    {
        reporter.Warning($"build image '{BuildImage.FileName}' is damaged ({reason}); ignoring it and loading the project");
        return ImageOutcome.Damaged;
    }
}
