using Toolkit.Engine.Manifest;

namespace Toolkit.SyntheticProjects.Tests.MsBuild;

/// <summary>
/// A manifest read with the engine's own reader (so escapes, aliases and every statement are read
/// exactly as <c>toolkit build</c> reads them), kept as plain lists for assertions; comments are
/// taken from the raw lines.
/// </summary>
public sealed class ParsedManifest : IManifestHandler
{
    public string? Root { get; private set; }

    public List<string> Comments { get; } = [];

    public List<ManifestBuild> Builds { get; } = [];

    public Dictionary<string, IReadOnlyList<string>> Aliases { get; } = new(StringComparer.Ordinal);

    public List<string> Defaults { get; } = [];

    public ManifestBuild BuildOf(string target) => Builds.Single(b => b.Targets.Contains(target));

    public static ParsedManifest Read(string path)
    {
        var manifest = new ParsedManifest();
        ManifestReader.ReadFile(path, manifest);
        manifest.Comments.AddRange(File.ReadLines(path).Select(line => line.Trim()).Where(line => line.StartsWith('#')).Select(line => line.TrimStart('#').Trim()));
        return manifest;
    }

    public void OnRoot(string path, int line)
    {
        Assert.Null(Root);
        Root = path;
    }

    public void OnVariable(string name, string value, int line) => Assert.Fail($"line {line}: the importer writes no global variable ({name})");

    public void OnEnvironment(string name, string? parent, IReadOnlyList<KeyValuePair<string, string>> variables, int line) => Assert.Fail($"line {line}: unexpected env {name}");

    public void OnUse(string environment, int line) => Assert.Fail($"line {line}: unexpected use {environment}");

    public void OnBuild(BuildStatement statement) =>
        Builds.Add(new ManifestBuild([.. statement.Targets], statement.Builder, [.. statement.Sources], [.. statement.Depends], [.. statement.OrderOnly], statement.Overrides.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)));

    public void OnAlias(string name, IReadOnlyList<string> targets, int line) => Aliases.Add(name, [.. targets]);

    public void OnDefault(IReadOnlyList<string> targets, int line) => Defaults.AddRange(targets);
}
