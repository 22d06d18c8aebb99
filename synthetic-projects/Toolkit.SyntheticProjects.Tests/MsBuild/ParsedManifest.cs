namespace Toolkit.SyntheticProjects.Tests.MsBuild;

/// <summary>
/// A tiny reader of the manifest statements the importer writes (header, root, comments, build
/// with block lines, default), strict enough that a malformed line fails the test.
/// </summary>
public sealed class ParsedManifest
{
    public string? Root { get; private set; }

    public List<string> Comments { get; } = [];

    public List<ManifestBuild> Builds { get; } = [];

    public List<string> Defaults { get; } = [];

    public ManifestBuild BuildOf(string target) => Builds.Single(b => b.Targets.Contains(target));

    public static ParsedManifest Read(string path)
    {
        var manifest = new ParsedManifest();
        var lines = File.ReadAllLines(path);
        Assert.Equal("toolkit-manifest 2", lines[0]);
        Assert.Equal("end", lines[^1]);
        ManifestBuild? current = null;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (trimmed.StartsWith('#'))
            {
                manifest.Comments.Add(trimmed.TrimStart('#').Trim());
                continue;
            }

            if (char.IsWhiteSpace(line[0]))
            {
                Assert.NotNull(current);
                var equals = trimmed.IndexOf(" = ", StringComparison.Ordinal);
                Assert.True(equals > 0, $"line {i + 1}: block line without ' = ': {line}");
                current.Overrides[trimmed[..equals]] = trimmed[(equals + 3)..];
                continue;
            }

            var tokens = trimmed.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            switch (tokens[0])
            {
                case "root":
                    Assert.Null(manifest.Root);
                    Assert.Empty(manifest.Builds);
                    Assert.Equal(2, tokens.Length);
                    manifest.Root = tokens[1];
                    current = null;
                    break;
                case "build":
                    current = ParseBuild(tokens, i + 1);
                    manifest.Builds.Add(current);
                    break;
                case "default":
                    manifest.Defaults.AddRange(tokens.Skip(1));
                    current = null;
                    break;
                case "end":
                    Assert.Equal(lines.Length - 1, i);
                    current = null;
                    break;
                default:
                    Assert.Fail($"line {i + 1}: unexpected statement: {line}");
                    break;
            }
        }

        return manifest;
    }

    private static ManifestBuild ParseBuild(string[] tokens, int lineNumber)
    {
        var colon = Array.FindIndex(tokens, t => t.EndsWith(':'));
        Assert.True(colon > 0, $"line {lineNumber}: build without ':'");
        var targets = tokens[1..colon].Append(tokens[colon].TrimEnd(':')).Where(t => t.Length > 0).ToList();
        var builder = tokens[colon + 1];
        var rest = tokens[(colon + 2)..];
        var bar = Array.IndexOf(rest, "|");
        var sources = bar < 0 ? rest : rest[..bar];
        var depends = bar < 0 ? [] : rest[(bar + 1)..];
        return new ManifestBuild(targets, builder, sources, depends, []);
    }
}
