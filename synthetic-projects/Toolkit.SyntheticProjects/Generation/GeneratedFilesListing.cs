namespace Toolkit.SyntheticProjects.Generation;

/// <summary>
/// Reads <c>generated.files</c> (<see cref="GeneratedFilesWriter"/>) as a stream of entries, checking
/// every name (one segment, no '.' or '..', no control character), so that a damaged or hostile
/// listing can never name a file outside the project.
/// </summary>
internal static class GeneratedFilesListing
{
    /// <summary>Longest listing read: 512 MiB, five times what a million-source project needs (about 100 MB).</summary>
    private const long MaxBytes = 512L << 20;

    /// <summary>One entry: a claimed directory (<see cref="Names"/> null) or a directory and its files.</summary>
    public sealed record Entry(string Directory, IReadOnlyList<string>? Names);

    /// <summary>The entries, in file order; <see cref="GenerationException"/> naming the line for anything malformed.</summary>
    public static IEnumerable<Entry> Read(string path)
    {
        try
        {
            Toolkit.Engine.FileSystem.FileProbe.RequireRegular(path, MaxBytes);
        }
        catch (IOException exception)
        {
            throw new GenerationException($"{path}: {exception.Message}; nothing is deleted (remove the folder yourself)", exception);
        }

        using var reader = new StreamReader(path, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true));
        var number = 0;
        string? directory = null;
        List<string>? names = null;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (number == 1)
            {
                Expect(line == GeneratedFilesWriter.Header, path, number, $"not a listing (the first line must be '{GeneratedFilesWriter.Header}')");
                continue;
            }

            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.StartsWith("  ", StringComparison.Ordinal))
            {
                Expect(names is not null, path, number, "a file name outside a 'dir' group");
                names!.Add(CheckName(line[2..], path, number));
                continue;
            }

            if (directory is not null)
            {
                yield return new Entry(directory, names);
                directory = null;
                names = null;
            }

            if (line == "end")
            {
                yield break;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var keyword = space < 0 ? line : line[..space];
            Expect(keyword is "dir" or "claim" && space > 0, path, number, $"unknown line '{Shorten(line)}'");
            var name = line[(space + 1)..];
            directory = name == "." && keyword == "dir" ? "." : CheckName(name, path, number);
            names = keyword == "dir" ? [] : null;
        }

        if (directory is not null)
        {
            yield return new Entry(directory, names);
        }
    }

    private static string CheckName(string name, string path, int line)
    {
        var bad = name.Length == 0 || name is "." or ".." || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.Any(char.IsControl);
        Expect(!bad, path, line, $"'{Shorten(name)}' is not a file name of the project");
        return name;
    }

    private static void Expect(bool condition, string path, int line, string problem)
    {
        if (!condition)
        {
            throw new GenerationException($"{path}:{line}: {problem}; the listing is damaged, so nothing is deleted (remove the folder yourself)");
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
