namespace Toolkit.Engine.Manifest;

/// <summary>The token layer of the manifest reader: a line split on spaces and tabs.</summary>
internal static class ManifestTokenizer
{
    /// <summary>Replaces the contents of <paramref name="tokens"/> with the words of <paramref name="line"/>.</summary>
    public static void Split(ReadOnlySpan<char> line, List<string> tokens)
    {
        tokens.Clear();
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && (line[i] == ' ' || line[i] == '\t'))
            {
                i++;
            }

            var start = i;
            while (i < line.Length && line[i] != ' ' && line[i] != '\t')
            {
                i++;
            }

            if (i > start)
            {
                tokens.Add(line[start..i].ToString());
            }
        }
    }
}
