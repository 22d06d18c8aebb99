using Toolkit.Harness.Reporting.Excerpts;

namespace Toolkit.Harness.Tests.Reporting;

/// <summary>Excerpt sources for tests: files under Fixtures/sources (named FILE.txt so they are not compiled), or given in memory.</summary>
internal sealed class FixtureExcerpts : IExcerptSource
{
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    public static FixtureExcerpts FromFixtureDirectory()
    {
        var excerpts = new FixtureExcerpts();
        foreach (var path in System.IO.Directory.EnumerateFiles(ReportingFiles.FixtureSources, "*.txt", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(ReportingFiles.FixtureSources, path).Replace('\\', '/');
            excerpts._files[relative[..^".txt".Length]] = File.ReadAllText(path);
        }

        return excerpts;
    }

    public FixtureExcerpts With(string file, string text)
    {
        _files[file] = text;
        return this;
    }

    public string? ReadFile(string file) => _files.GetValueOrDefault(file);
}
