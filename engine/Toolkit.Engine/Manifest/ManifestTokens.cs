using System.Text;

namespace Toolkit.Engine.Manifest;

/// <summary>
/// The manifest's tokens: split at spaces and tabs, with the path escapes <c>$ </c> (a space) and
/// <c>$$</c> (a '$') undone (docs/manifest-format.md, <see cref="ManifestWriter.EscapePath"/>).
/// </summary>
public static class ManifestTokens
{
    /// <summary>
    /// Splits a line into tokens at spaces and tabs; inside a token '$ ' is a space and '$$' a '$'
    /// (<see cref="ManifestWriter.EscapePath"/>); any other '$' is kept as written.
    /// </summary>
    public static void Split(ReadOnlySpan<char> line, List<string> tokens)
    {
        tokens.Clear();
        var token = new StringBuilder();
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && (line[i] == ' ' || line[i] == '\t'))
            {
                i++;
            }

            var start = i;
            var escaped = false;
            while (i < line.Length && line[i] != ' ' && line[i] != '\t')
            {
                if (line[i] == '$' && i + 1 < line.Length && (line[i + 1] == ' ' || line[i + 1] == '$'))
                {
                    escaped = true;
                    i += 2;
                    continue;
                }

                i++;
            }

            if (i > start)
            {
                tokens.Add(escaped ? Unescape(line[start..i], token) : line[start..i].ToString());
            }
        }
    }

    private static string Unescape(ReadOnlySpan<char> text, StringBuilder into)
    {
        into.Clear();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '$' && i + 1 < text.Length && (text[i + 1] == ' ' || text[i + 1] == '$'))
            {
                i++;
            }

            into.Append(text[i]);
        }

        return into.ToString();
    }

    /// <summary>The operand of a <c>root</c> line (after the keyword), unescaped.</summary>
    public static string RootOperand(string text)
    {
        var tokens = new List<string>();
        Split(text.AsSpan().Trim(), tokens);
        return tokens.Count == 1 ? tokens[0] : text.Trim();
    }

}
