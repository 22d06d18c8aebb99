using System.Text;
using Bogus;

namespace Toolkit.SyntheticProjects.Generation;

/// <summary>
/// Writes one large source: a <c>static const unsigned char</c> array of random bytes (from a
/// Randomizer seeded per file) and a function summing a sample of it, at least
/// <see cref="ProjectGenerator.LargeFileBytes"/> long and valid C. Streams through a 1 MiB
/// buffer, so a large file is never held in memory as text.
/// </summary>
internal static class LargeSourceWriter
{
    /// <summary>Write buffer: large, so an 8 MiB file takes 8 writes.</summary>
    private const int BufferBytes = 1 << 20;

    /// <summary>Array bytes per line of the initializer ("0x12, " is 6 characters).</summary>
    private const int BytesPerLine = 16;

    /// <summary>Random bytes drawn from the Randomizer at a time.</summary>
    private const int DrawBytes = 64 * 1024;

    private static readonly byte[] Hex = "0123456789abcdef"u8.ToArray();

    /// <summary>Writes the file and returns its length in bytes.</summary>
    public static long Write(string fullPath, SourcePlan source, StringBuilder scratch)
    {
        var function = source.Functions[0];
        var array = function + "_data";
        scratch.Clear();
        scratch.Append("/*\n * ").Append(source.Path).Append("\n *\n * ").Append(source.Comment).Append("\n */\n");
        foreach (var header in source.SharedIncludes)
        {
            scratch.Append("#include <").Append(header.IncludeName).Append(">\n");
        }

        scratch.Append("\nunsigned long ").Append(function).Append("(void);\n\nstatic const unsigned char ").Append(array).Append("[] = {\n");
        var head = Encoding.ASCII.GetBytes(scratch.ToString());
        scratch.Clear();
        scratch.Append("};\n\nunsigned long ").Append(function).Append("(void)\n{\n    unsigned long sum = 0;\n")
            .Append("    for (unsigned long i = 0; i < sizeof ").Append(array).Append("; i += 4096)\n    {\n        sum += ")
            .Append(array).Append("[i];\n    }\n\n    return sum;\n}\n");
        var tail = Encoding.ASCII.GetBytes(scratch.ToString());

        const int lineBytes = 4 + (BytesPerLine * 6);
        var lines = (ProjectGenerator.LargeFileBytes - head.Length - tail.Length + lineBytes - 1) / lineBytes;
        var generator = new Randomizer(source.LargeSeed ?? 0);
        var buffer = new byte[BufferBytes];
        var used = 0;
        long total = 0;
        using var stream = new FileStream(fullPath, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        stream.Write(head);
        total += head.Length;
        byte[] random = [];
        var next = 0;
        for (var line = 0; line < lines; line++)
        {
            if (used + lineBytes > buffer.Length)
            {
                stream.Write(buffer, 0, used);
                total += used;
                used = 0;
            }

            buffer[used++] = (byte)' ';
            buffer[used++] = (byte)' ';
            buffer[used++] = (byte)' ';
            buffer[used++] = (byte)' ';
            for (var b = 0; b < BytesPerLine; b++)
            {
                if (next == random.Length)
                {
                    random = generator.Bytes(DrawBytes);
                    next = 0;
                }

                var value = random[next++];
                buffer[used++] = (byte)'0';
                buffer[used++] = (byte)'x';
                buffer[used++] = Hex[value >> 4];
                buffer[used++] = Hex[value & 15];
                buffer[used++] = (byte)',';
                buffer[used++] = b == BytesPerLine - 1 ? (byte)'\n' : (byte)' ';
            }
        }

        stream.Write(buffer, 0, used);
        total += used;
        stream.Write(tail);
        total += tail.Length;
        return total;
    }
}
