using System.Text;

namespace Toolkit.SyntheticProjects.Peers;

/// <summary>
/// Opens the text file a peer build description is written to: UTF-8 without BOM, "\n" line
/// ends, and a 1 MiB buffer, because the peer files of a million-source project run to
/// hundreds of megabytes.
/// </summary>
internal static class PeerText
{
    /// <summary>Write buffer of a peer file: large, so a big file is written in few system calls.</summary>
    private const int BufferBytes = 1 << 20;

    public static StreamWriter Create(string path) =>
        new(path, append: false, new UTF8Encoding(false), BufferBytes) { NewLine = "\n" };

    /// <summary>Writes each path preceded by a space.</summary>
    public static void Paths(TextWriter writer, IReadOnlyList<string> paths)
    {
        for (var i = 0; i < paths.Count; i++)
        {
            writer.Write(' ');
            writer.Write(paths[i]);
        }
    }
}
