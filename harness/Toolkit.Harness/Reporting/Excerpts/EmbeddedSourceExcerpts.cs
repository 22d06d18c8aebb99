using System.Reflection;

namespace Toolkit.Harness.Reporting.Excerpts;

/// <summary>
/// The source files embedded into the toolkit assembly at build time (Reporting/SourceExcerpts.targets:
/// engine/Toolkit.Engine/Graph, engine/Toolkit.Engine/Signatures and optimizations/Toolkit.Optimizations,
/// logical names "source/" + the repository-relative path), so the pages quote the code the toolkit was
/// built from, never a copy.
/// </summary>
public sealed class EmbeddedSourceExcerpts : IExcerptSource
{
    /// <summary>The prefix of the embedded sources' logical names.</summary>
    public const string ResourcePrefix = "source/";

    private readonly Assembly _assembly = typeof(EmbeddedSourceExcerpts).Assembly;
    private readonly Dictionary<string, string> _names;

    /// <summary>Indexes the embedded sources.</summary>
    public EmbeddedSourceExcerpts()
    {
        _names = _assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToDictionary(n => n[ResourcePrefix.Length..].Replace('\\', '/'), n => n, StringComparer.Ordinal);
    }

    /// <summary>The repository-relative paths of every embedded file, sorted.</summary>
    public IReadOnlyList<string> Files => _names.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <inheritdoc />
    public string? ReadFile(string file)
    {
        if (!_names.TryGetValue(file, out var name))
        {
            return null;
        }

        using var stream = _assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
