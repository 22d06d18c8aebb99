using System.Text;
using Toolkit.Harness.Reporting;
using Toolkit.Harness.Results;

namespace Toolkit.Harness.Tests.Reporting;

/// <summary>
/// The pages generated from the fixed fixture (Fixtures/scale-results.json: schema 2, synthetic figures
/// shaped like a real run, 8 variants × 3 sizes × (1 warm-up + 5 runs), every tool as a whole process,
/// make, ninja and samurai measured, scons skipped, the large-files point) with the fixture's source excerpts must equal the
/// committed files under Golden/ byte for byte. To accept a deliberate change, run the tests with
/// TOOLKIT_UPDATE_GOLDEN=1, which rewrites Golden/, and review the diff before committing.
/// </summary>
public sealed class GoldenFilesTests
{
    [Fact]
    public void Pages_from_the_fixture_equal_the_golden_files_byte_for_byte()
    {
        using var output = new TempDirectory();
        var results = ResultsFile.Read(ReportingFiles.FixtureJson);
        var written = ReportGenerator.Write(results, output.Path, FixtureExcerpts.FromFixtureDirectory());
        var generated = written.Select(p => Relative(output.Path, p)).Order(StringComparer.Ordinal).ToArray();

        if (ReportingFiles.Updating)
        {
            if (Directory.Exists(ReportingFiles.Golden))
            {
                Directory.Delete(ReportingFiles.Golden, recursive: true);
            }

            foreach (var file in generated)
            {
                var target = Path.Combine(ReportingFiles.Golden, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(output.Path, file), target);
            }
        }

        Assert.True(Directory.Exists(ReportingFiles.Golden), $"no golden files at {ReportingFiles.Golden}; run the tests once with {ReportingFiles.UpdateVariable}=1");
        var golden = Directory.EnumerateFiles(ReportingFiles.Golden, "*", SearchOption.AllDirectories).Select(p => Relative(ReportingFiles.Golden, p)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(golden, generated);
        var different = generated.Where(f => !File.ReadAllBytes(Path.Combine(output.Path, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(ReportingFiles.Golden, f)))).ToArray();
        Assert.True(different.Length == 0, $"pages differ from Golden/ ({ReportingFiles.UpdateVariable}=1 accepts them): {string.Join(", ", different)}\nfirst difference: {FirstDifference(output.Path, different)}");
    }

    [Fact]
    public void Generating_twice_gives_the_same_bytes_and_the_json_round_trips()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        var results = ResultsFile.Read(ReportingFiles.FixtureJson);
        var rewritten = Path.Combine(first.Path, "again.json");
        ResultsFile.Write(rewritten, results);
        var reread = ResultsFile.Read(rewritten);
        Assert.Equal(File.ReadAllText(rewritten), ResultsFile.ToJson(reread));

        var a = ReportGenerator.Write(results, Path.Combine(first.Path, "pages"), FixtureExcerpts.FromFixtureDirectory());
        var b = ReportGenerator.Write(reread, Path.Combine(second.Path, "pages"), FixtureExcerpts.FromFixtureDirectory());
        Assert.Equal(a.Select(p => Relative(first.Path, p)), b.Select(p => Relative(second.Path, p)));
        for (var i = 0; i < a.Count; i++)
        {
            Assert.Equal(File.ReadAllBytes(a[i]), File.ReadAllBytes(b[i]));
        }
    }

    [Fact]
    public void Pages_have_no_bom_no_carriage_returns_and_end_with_a_newline()
    {
        using var output = new TempDirectory();
        var written = ReportGenerator.Write(ResultsFile.Read(ReportingFiles.FixtureJson), output.Path, FixtureExcerpts.FromFixtureDirectory());
        Assert.Contains(written, p => p.EndsWith("recommendations" + Path.DirectorySeparatorChar + "optimized.md", StringComparison.Ordinal));
        foreach (var path in written)
        {
            var bytes = File.ReadAllBytes(path);
            Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), path);
            Assert.DoesNotContain((byte)'\r', bytes);
            Assert.Equal((byte)'\n', bytes[^1]);
        }
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static string FirstDifference(string outputRoot, string[] different)
    {
        if (different.Length == 0)
        {
            return "none";
        }

        var generated = File.ReadAllLines(Path.Combine(outputRoot, different[0]));
        var golden = File.ReadAllLines(Path.Combine(ReportingFiles.Golden, different[0]));
        for (var i = 0; i < Math.Max(generated.Length, golden.Length); i++)
        {
            var g = i < generated.Length ? generated[i] : "<end>";
            var e = i < golden.Length ? golden[i] : "<end>";
            if (g != e)
            {
                return $"{different[0]} line {i + 1}:\n  golden:    {e}\n  generated: {g}";
            }
        }

        return $"{different[0]}: line ends or final newline";
    }
}
