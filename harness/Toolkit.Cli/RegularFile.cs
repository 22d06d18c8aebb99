using Toolkit.Engine.FileSystem;

namespace Toolkit.Harness;

/// <summary>
/// Says whether a path names a regular file before anything opens it: opening a FIFO for reading
/// blocks until a writer comes (a hang), and a device such as /dev/zero reports length 0 and then
/// never ends. The kind comes from the engine's <see cref="FileProbe"/> (statx on Linux), worded
/// for a user's message.
/// </summary>
public static class RegularFile
{
    /// <summary>Null when <paramref name="path"/> is a regular file (after following symbolic links); otherwise why it is not, e.g. "is a FIFO".</summary>
    public static string? WhyNot(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileKind kind;
        try
        {
            kind = FileProbe.Probe(path).Kind;
        }
        catch (IOException exception)
        {
            return $"cannot be examined ({exception.Message})";
        }

        return kind switch
        {
            FileKind.Regular => null,
            FileKind.Missing => "does not exist",
            FileKind.Directory => "is a directory",
            FileKind.LinkLoop => "is a loop of symbolic links",
            _ => $"is {FileProbe.Describe(kind)}, not a file",
        };
    }
}
