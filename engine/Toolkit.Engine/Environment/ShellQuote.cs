namespace Toolkit.Engine.Environments;

/// <summary>
/// A path put into a command line so that <c>/bin/sh</c> reads it back as one word: unchanged when it
/// holds only characters the shell never splits or expands (letters, digits, <c>_-./+,:=@%^</c>, anything
/// outside ASCII: every generated path, so their command
/// lines and action signatures stay as they were), otherwise in single quotes with each quote written
/// as <c>'\''</c>, as SCons's escape does. Cost: one scan of the path per substitution.
/// </summary>
internal static class ShellQuote
{
    /// <summary>The characters that need no quoting in a POSIX shell word.</summary>
    private static readonly System.Buffers.SearchValues<char> Plain =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./+,:=@%^");

    /// <summary>True when <paramref name="path"/> is one shell word as it is.</summary>
    public static bool IsPlain(ReadOnlySpan<char> path)
    {
        foreach (var c in path)
        {
            if (c < 128 && !Plain.Contains(c))
            {
                return false; // non-ASCII letters are never split or expanded
            }
        }

        return path.Length > 0;
    }

    /// <summary>The length of the path as written into a command line.</summary>
    public static int Length(string path) => IsPlain(path) ? path.Length : path.Length + 2 + (3 * path.AsSpan().Count('\''));

    /// <summary>Writes the path, quoted when it must be.</summary>
    public static void Append(ref CollapsingWriter writer, string path)
    {
        if (IsPlain(path))
        {
            writer.Append(path);
            return;
        }

        writer.AppendVerbatim("'");
        var rest = path.AsSpan();
        for (var quote = rest.IndexOf('\''); quote >= 0; quote = rest.IndexOf('\''))
        {
            writer.AppendVerbatim(rest[..quote]);
            writer.AppendVerbatim("'\\''");
            rest = rest[(quote + 1)..];
        }

        writer.AppendVerbatim(rest);
        writer.AppendVerbatim("'");
    }
}
