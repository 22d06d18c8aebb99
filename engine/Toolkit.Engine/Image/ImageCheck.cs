using System.IO.Hashing;
using Toolkit.Engine.Build;
using Toolkit.Engine.Dependencies;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Persistence;

namespace Toolkit.Engine.Image;

/// <summary>
/// The null build's fast path: reads the build image through a 64 KiB window (<see cref="ImageReader"/>: never the
/// whole file), checks its frame, compares the manifest's hash given, the dependency log's and the database's, and the
/// settings, then stats every recorded path from the window (<see cref="IFileSystem.StatUtf8"/>: no string per path)
/// and compares the answer. A file whose recorded time is not strictly older than the image's own is racy (git's rule):
/// changed. Saves building the managed graph; costs two reads of the image, three hashes and one stat per recorded path.
/// </summary>
public static class ImageCheck
{
    /// <summary>
    /// Checks the image in <paramref name="fileSystem"/>'s root against the manifest whose hash (<see cref="BuildImage.HashFile"/>) is
    /// <paramref name="manifestHash"/>; when the outcome is <see cref="ImageOutcome.UpToDate"/>, <paramref name="result"/> is
    /// what the null build reports. <paramref name="checkedPaths"/> counts the paths stat'ed.
    /// </summary>
    public static ImageOutcome Run(IFileSystem fileSystem, ReadOnlySpan<byte> manifestHash, EngineSettings settings, IBuildReporter reporter, out BuildResult result, out int checkedPaths)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(reporter);
        result = new BuildResult(0, 0, 0, 0, 0, false, TimeSpan.Zero);
        checkedPaths = 0;
        var stamp = fileSystem.Stat(BuildImage.FileName);
        if (!stamp.Exists || stamp.Size < CheckedFile.HeaderSize + CheckedFile.ChecksumSizeOf(BuildImage.Checksum))
        {
            return !stamp.Exists ? ImageOutcome.Missing : Damaged(reporter, NotRegular(fileSystem) ?? "truncated");
        }

        try
        {
            using var reader = fileSystem is DiskFileSystem disk ? ImageReader.Open(disk.FullPath(BuildImage.FileName)) : ImageReader.Over(fileSystem.ReadAllBytes(BuildImage.FileName));
            if (reader.Length != stamp.Size)
            {
                return ImageOutcome.FileChanged; // rewritten while it was being opened
            }

            return Check(reader, stamp, fileSystem, manifestHash, settings, reporter, ref result, ref checkedPaths);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Damaged(reporter, NotRegular(fileSystem) ?? "cannot be read: " + exception.Message);
        }
    }

    private static ImageOutcome Check(ImageReader file, FileStamp imageStamp, IFileSystem fileSystem, ReadOnlySpan<byte> manifestHash, EngineSettings settings, IBuildReporter reporter, ref BuildResult result, ref int checkedPaths)
    {
        var header = file.Get(0, CheckedFile.HeaderSize);
        if (CheckedFile.PeekVersion(header, BuildImage.Magic) is var version && version != BuildImage.Version && version != 0)
        {
            return ImageOutcome.OtherVersion;
        }

        if (CheckedFile.CheckHeader(header, file.Length, BuildImage.Magic, BuildImage.Version, BuildImage.Checksum) is { } reason)
        {
            return Damaged(reporter, reason);
        }

        var payloadLength = (int)CheckedFile.ClaimedPayloadLength(header);
        if (!ChecksumMatches(file, CheckedFile.HeaderSize + payloadLength))
        {
            return Damaged(reporter, "checksum mismatch: the header or payload changed after the file was written");
        }

        if (payloadLength < BuildImage.FixedSize)
        {
            return Damaged(reporter, "payload shorter than its fixed header");
        }

        const int H = BuildImage.HashSize;
        const int P = CheckedFile.HeaderSize; // the payload's offset in the file
        Span<byte> fixedPart = stackalloc byte[BuildImage.FixedSize];
        file.Get(P, BuildImage.FixedSize).CopyTo(fixedPart);
        Span<byte> hash = stackalloc byte[H];
        var flags = settings.DependencyLog ? BuildImage.DependencyLogFlag : 0;
        if (!fixedPart[..H].SequenceEqual(manifestHash) || BuildImage.U32(fixedPart, 3 * H) != flags)
        {
            return ImageOutcome.InputsChanged;
        }

        BuildImage.HashFile(fileSystem, DependencyLog.FileName, hash);
        if (!fixedPart.Slice(H, H).SequenceEqual(hash))
        {
            return ImageOutcome.InputsChanged;
        }

        BuildImage.HashFile(fileSystem, Project.DatabaseFileName, hash);
        if (!fixedPart.Slice(2 * H, H).SequenceEqual(hash))
        {
            return ImageOutcome.InputsChanged;
        }

        var considered = (int)BuildImage.U32(fixedPart, (3 * H) + 4);
        var upToDate = (int)BuildImage.U32(fixedPart, (3 * H) + 8);
        var count = BuildImage.U32(fixedPart, (3 * H) + 12);
        var entriesLength = payloadLength - BuildImage.FixedSize;
        if (count > entriesLength / BuildImage.EntrySize || considered < 0 || upToDate < 0)
        {
            return Damaged(reporter, $"entry count {count} exceeds the payload");
        }

        long entriesAt = P + BuildImage.FixedSize;
        var blobAt = entriesAt + (count * BuildImage.EntrySize);
        var blobLength = P + payloadLength - blobAt;
        using var paths = file.Beside(); // the paths are read in order too, from the blob after the entries
        for (var i = 0; i < (int)count; i++)
        {
            var entry = file.Get(entriesAt + (i * (long)BuildImage.EntrySize), BuildImage.EntrySize);
            var offset = BuildImage.U32(entry, 0);
            var field = BuildImage.U32(entry, 4);
            var length = field & ~BuildImage.DirectoryBit;
            if (offset > blobLength || length > blobLength - offset || length > ImageReader.WindowBytes)
            {
                return Damaged(reporter, $"entry {i}: path at {offset}+{length} outside the {blobLength}-byte path blob");
            }

            var recorded = new FileStamp(BuildImage.I64(entry, 8), BuildImage.I64(entry, 16));
            var path = paths.Get(blobAt + offset, (int)length);
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

    // The frame's XxHash128 of bytes [0, checkedLength), read window by window, against the 16 bytes after them.
    private static bool ChecksumMatches(ImageReader file, long checkedLength)
    {
        var hasher = new XxHash128();
        for (long at = 0; at < checkedLength; at += ImageReader.WindowBytes)
        {
            hasher.Append(file.Get(at, (int)Math.Min(ImageReader.WindowBytes, checkedLength - at)));
        }

        Span<byte> digest = stackalloc byte[CheckedFile.ChecksumSizeOf(BuildImage.Checksum)];
        hasher.GetCurrentHash(digest);
        return digest.SequenceEqual(file.Get(checkedLength, digest.Length));
    }

    // A FIFO, a device or a loop of links at the image's name stats as a short file or fails to open; says which it is
    // (null: a regular file, or the kind cannot be told). Asked only when the image is refused, so the fast path pays nothing.
    private static string? NotRegular(IFileSystem fileSystem)
    {
        if (fileSystem is not DiskFileSystem disk)
        {
            return null;
        }

        try
        {
            var (kind, _) = FileProbe.Probe(disk.FullPath(BuildImage.FileName));
            return kind is FileKind.Regular or FileKind.Missing ? null : $"it is {FileProbe.Describe(kind)}, not a regular file";
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static ImageOutcome Damaged(IBuildReporter reporter, string reason)
    {
        reporter.Warning($"build image '{BuildImage.FileName}' is damaged ({reason}); ignoring it and loading the project");
        return ImageOutcome.Damaged;
    }
}
