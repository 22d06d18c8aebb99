using System.Text;

namespace Toolkit.Engine.Manifest;

/// <summary>
/// What a path in a manifest must be, checked statement by statement (apart from tokenizing):
/// one token (<see cref="ManifestWriter.IsValidPath(string)"/>), relative with '/' separators, normalized,
/// and a name the file system can hold (no segment over <see cref="MaxSegmentBytes"/> bytes, the
/// whole at most <see cref="MaxPathBytes"/>), so that a build never meets a path no system call accepts.
/// </summary>
public static class ManifestPathRule
{
    /// <summary>Longest file name, in UTF-8 bytes: NAME_MAX of Linux file systems (and NTFS's 255 characters).</summary>
    public const int MaxSegmentBytes = 255;

    /// <summary>Longest path, in UTF-8 bytes: PATH_MAX (4096) less the terminating NUL; the root comes on top.</summary>
    public const int MaxPathBytes = 4095;

    /// <summary>Why <paramref name="path"/> cannot be a manifest path, or null when it can.</summary>
    public static string? Problem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Problem(path.AsSpan());
    }

    /// <summary>Why <paramref name="path"/> cannot be a manifest path, or null when it can; allocates only the message.</summary>
    public static string? Problem(ReadOnlySpan<char> path)
    {
        if (!ManifestWriter.IsValidPath(path))
        {
            return $"'{Shorten(path)}' is not a valid path";
        }

        if (path[0] == '/' || path.Contains('\\'))
        {
            return $"path '{Shorten(path)}' must be relative with '/' separators";
        }

        if (path.Length * 3 > MaxPathBytes && Encoding.UTF8.GetByteCount(path) > MaxPathBytes)
        {
            return $"path '{Shorten(path)}' is {Encoding.UTF8.GetByteCount(path):N0} bytes long; a path may have at most {MaxPathBytes:N0}";
        }

        var rest = path;
        while (true)
        {
            var slash = rest.IndexOf('/');
            var segment = slash < 0 ? rest : rest[..slash];
            if (segment.IsEmpty || segment is "." or "..")
            {
                return $"path '{Shorten(path)}' is not normalized (no empty, '.' or '..' segments, no trailing '/')";
            }

            if (segment.Length * 3 > MaxSegmentBytes && Encoding.UTF8.GetByteCount(segment) > MaxSegmentBytes)
            {
                return $"path '{Shorten(path)}' has a name of {Encoding.UTF8.GetByteCount(segment):N0} bytes; a file name may have at most {MaxSegmentBytes}";
            }

            if (slash < 0)
            {
                return null;
            }

            rest = rest[(slash + 1)..];
        }
    }

    /// <summary>At most 60 characters of a path, for messages about paths that may be huge.</summary>
    public static string Shorten(string path) => path.Length <= 60 ? path : string.Concat(path.AsSpan(0, 57), "...");

    /// <summary>At most 60 characters of a path, as a new string.</summary>
    public static string Shorten(ReadOnlySpan<char> path) => path.Length <= 60 ? path.ToString() : string.Concat(path[..57], "...");
}
