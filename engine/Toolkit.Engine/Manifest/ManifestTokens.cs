namespace Toolkit.Engine.Manifest;

/// <summary>
/// The manifest's tokens: split at spaces and tabs, with the path escapes <c>$ </c> (a space) and
/// <c>$$</c> (a '$') undone (docs/manifest-format.md, <see cref="ManifestWriter.EscapePath"/>).
/// </summary>
public static class ManifestTokens
{
    /// <summary>
    /// Splits a line into tokens at spaces and tabs; inside a token '$ ' is a space and '$$' a '$'
    /// (<see cref="ManifestWriter.EscapePath"/>); any other '$' is kept as written. Allocates nothing
    /// once <paramref name="tokens"/> has grown to the line.
    /// </summary>
    public static void Split(ReadOnlySpan<char> line, ManifestTokenList tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        tokens.Clear();
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
                if (escaped)
                {
                    tokens.AddUnescaped(line[start..i]);
                }
                else
                {
                    tokens.Add(line[start..i]);
                }
            }
        }
    }

    /// <summary>Splits a line into token strings (for tools; the reader keeps spans).</summary>
    public static void Split(ReadOnlySpan<char> line, List<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var list = new ManifestTokenList();
        Split(line, list);
        tokens.Clear();
        tokens.AddRange(list);
    }

    /// <summary>The operand of a <c>root</c> line (after the keyword), unescaped.</summary>
    public static string RootOperand(string text)
    {
        var tokens = new ManifestTokenList();
        Split(text.AsSpan().Trim(), tokens);
        return tokens.Count == 1 ? tokens[0] : text.Trim();
    }
}
