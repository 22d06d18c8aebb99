namespace Toolkit.Engine.Scanning;

/// <summary>
/// Joins and normalizes project-relative paths the way the graph keeps them: '/' separators,
/// no empty, <c>.</c> or <c>..</c> segments, no leading or trailing '/'; the root itself is "".
/// A path that climbs above the root, or an absolute one, has no project-relative form: it gives null.
/// </summary>
internal static class ProjectPath
{
    // Paths up to this many chars are normalized in a stack buffer; longer ones rent an array.
    private const int StackBufferChars = 512;

    /// <summary>The directory part of a normalized path ("" for a file at the root).</summary>
    public static string DirectoryOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }

    /// <summary>The file-name part of a path.</summary>
    public static string FileNameOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? path : path[(slash + 1)..];
    }

    /// <summary>Normalizes one path; null when it is absolute or escapes the root.</summary>
    public static string? Normalize(string path) => Combine(string.Empty, path);

    /// <summary>
    /// <paramref name="name"/> taken relative to the normalized directory <paramref name="directory"/>,
    /// normalized; null when <paramref name="name"/> is absolute or the result escapes the root.
    /// </summary>
    public static string? Combine(string directory, string name)
    {
        if (name.Length > 0 && (name[0] == '/' || name[0] == '\\' || (name.Length > 1 && name[1] == ':')))
        {
            return null;
        }

        if (IsPlain(name))
        {
            // Fast path: nothing to resolve, a plain concatenation is already normal.
            return directory.Length == 0 ? name : string.Concat(directory, "/", name);
        }

        var needed = directory.Length + 1 + name.Length;
        Span<char> buffer = needed <= StackBufferChars ? stackalloc char[StackBufferChars] : new char[needed];
        var length = 0;
        if (!Append(buffer, ref length, directory) || !Append(buffer, ref length, name))
        {
            return null;
        }

        return new string(buffer[..length]);
    }

    /// <summary>True when <paramref name="name"/> has no empty, <c>.</c> or <c>..</c> segment.</summary>
    private static bool IsPlain(string name)
    {
        if (name.Length == 0 || name[^1] == '/')
        {
            return false;
        }

        var segmentStart = 0;
        for (var i = 0; i <= name.Length; i++)
        {
            if (i == name.Length || name[i] == '/')
            {
                var segment = name.AsSpan(segmentStart, i - segmentStart);
                if (segment.Length == 0 || segment is "." or "..")
                {
                    return false;
                }

                segmentStart = i + 1;
            }
        }

        return true;
    }

    /// <summary>Appends the segments of <paramref name="path"/>, resolving <c>.</c> and <c>..</c>; false when it escapes the root.</summary>
    private static bool Append(Span<char> buffer, ref int length, string path)
    {
        var segmentStart = 0;
        for (var i = 0; i <= path.Length; i++)
        {
            if (i < path.Length && path[i] != '/')
            {
                continue;
            }

            var segment = path.AsSpan(segmentStart, i - segmentStart);
            segmentStart = i + 1;
            if (segment.Length == 0 || segment is ".")
            {
                continue;
            }

            if (segment is "..")
            {
                if (length == 0)
                {
                    return false;
                }

                var slash = buffer[..length].LastIndexOf('/');
                length = slash < 0 ? 0 : slash;
                continue;
            }

            if (length > 0)
            {
                buffer[length++] = '/';
            }

            segment.CopyTo(buffer[length..]);
            length += segment.Length;
        }

        return true;
    }
}
