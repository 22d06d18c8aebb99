using Toolkit.Harness.Reporting;
using Toolkit.Harness.Reporting.Excerpts;
using Toolkit.Optimizations;

namespace Toolkit.Harness.Tests.Reporting;

/// <summary>The excerpt convention (<c>// excerpt: NAME</c> ... <c>// end excerpt</c>) and the sources embedded in the toolkit.</summary>
public sealed class ExcerptTests
{
    private const string File = "src/Thing.cs";

    [Fact]
    public void A_region_is_cut_dedented_without_doc_comments_and_markers()
    {
        var text = "class A\n{\n    // excerpt: demo\n    /// <summary>Doc.</summary>\n    public int X;\n\n    /// <summary>Doc.</summary>\n    public void M()\n    {\n        Call();\n\n        Other();\n    }\n    // end excerpt\n    public int After;\n}\n";
        var excerpt = ExcerptReader.Read(new FixtureExcerpts().With(File, text), new SourceRegion(File, "demo"));
        Assert.Null(excerpt.Missing);
        Assert.True(excerpt.DocCommentsLeftOut);
        Assert.Equal("public int X;\npublic void M()\n{\n    Call();\n\n    Other();\n}", excerpt.Code);
    }

    [Fact]
    public void Crlf_sources_give_the_same_excerpt()
    {
        var lf = "// excerpt: a\n    int x;\n// end excerpt\n";
        var a = ExcerptReader.Read(new FixtureExcerpts().With(File, lf), new SourceRegion(File, "a"));
        var b = ExcerptReader.Read(new FixtureExcerpts().With(File, lf.Replace("\n", "\r\n", StringComparison.Ordinal)), new SourceRegion(File, "a"));
        Assert.Equal("int x;", a.Code);
        Assert.Equal(a.Code, b.Code);
    }

    [Theory]
    [InlineData("int x;\n", "excerpt not found: demo in src/Thing.cs (no `// excerpt: demo` line in the file)")]
    [InlineData("// excerpt: demo\nint x;\n", "excerpt not found: demo in src/Thing.cs (`// excerpt: demo` has no `// end excerpt` line after it)")]
    [InlineData("// excerpt: demo\n/// doc\n// end excerpt\n", "excerpt not found: demo in src/Thing.cs (the marked region is empty)")]
    [InlineData("// excerpt: demonstration\nint x;\n// end excerpt\n", "excerpt not found: demo in src/Thing.cs (no `// excerpt: demo` line in the file)")]
    public void A_missing_region_says_plainly_what_is_missing(string text, string expected)
    {
        Assert.Equal(expected, ExcerptReader.Read(new FixtureExcerpts().With(File, text), new SourceRegion(File, "demo")).Missing);
    }

    [Fact]
    public void A_missing_file_says_so()
    {
        var excerpt = ExcerptReader.Read(new FixtureExcerpts(), new SourceRegion(File, "demo"));
        Assert.Null(excerpt.Code);
        Assert.Equal("excerpt not found: demo in src/Thing.cs (the file is not part of this build)", excerpt.Missing);
    }

    [Fact]
    public void A_long_region_is_cut_at_the_limit_with_the_count_left_out()
    {
        var lines = string.Concat(Enumerable.Range(0, ExcerptReader.MaximumLines + 7).Select(i => $"int x{i};\n"));
        var excerpt = ExcerptReader.Read(new FixtureExcerpts().With(File, "// excerpt: long\n" + lines + "// end excerpt\n"), new SourceRegion(File, "long"));
        Assert.Equal(ExcerptReader.MaximumLines, excerpt.Code!.Split('\n').Length);
        Assert.Equal(7, excerpt.LinesLeftOut);
    }

    [Fact]
    public void The_page_of_a_variant_without_markers_says_excerpt_not_found()
    {
        var page = System.IO.File.ReadAllText(Path.Combine(ReportingFiles.Golden, "recommendations", "optimized.md"));
        Assert.Contains("> excerpt not found: optimized in optimizations/Toolkit.Optimizations/OptimizedVariant.cs (no `// excerpt: optimized` line in the file)", page, StringComparison.Ordinal);
        var chunked = System.IO.File.ReadAllText(Path.Combine(ReportingFiles.Golden, "recommendations", "chunked-hashing.md"));
        Assert.Contains("> excerpt not found: chunked-hashing in optimizations/Toolkit.Optimizations/ChunkedHashing/ChunkedMd5ContentHasher.cs", chunked, StringComparison.Ordinal);
        var slots = System.IO.File.ReadAllText(Path.Combine(ReportingFiles.Golden, "recommendations", "slots.md"));
        Assert.Contains("```csharp\nprivate readonly string _path;", slots, StringComparison.Ordinal);
    }

    [Fact]
    public void The_baseline_node_regions_are_cut_from_the_source_embedded_in_the_toolkit()
    {
        var embedded = new EmbeddedSourceExcerpts();
        Assert.Contains(SourceRegion.BaselineNode.File, embedded.Files);
        var excerpt = ExcerptReader.Read(embedded, SourceRegion.BaselineNode);
        Assert.True(excerpt.Missing is null, excerpt.Missing);
        Assert.Contains("public string AbsolutePath { get; }", excerpt.Code, StringComparison.Ordinal);
        var lists = ExcerptReader.Read(embedded, SourceRegion.BaselineLists);
        Assert.True(lists.Missing is null, lists.Missing);
        Assert.Contains("public List<TNode> Sources { get; } = [];", lists.Code, StringComparison.Ordinal);
        Assert.Contains("public Dictionary<string, object?> Attributes", lists.Code, StringComparison.Ordinal);

        // The embedded text is the file in the repository, not a copy.
        var onDisk = Path.Combine(ReportingFiles.Directory, "..", "..", "..", SourceRegion.BaselineNode.File);
        Assert.Equal(System.IO.File.ReadAllText(onDisk), embedded.ReadFile(SourceRegion.BaselineNode.File));
    }

    [Fact]
    public void Every_variant_with_a_page_has_its_before_and_after_excerpts_in_the_build()
    {
        var embedded = new EmbeddedSourceExcerpts();
        var missing = VariantFactory.Default.All
            .Select(v => v.Technique)
            .OfType<TechniqueDescription>()
            .SelectMany(t => t.Before.Append(t.After))
            .Distinct()
            .Select(r => ExcerptReader.Read(embedded, r).Missing)
            .Where(m => m is not null)
            .ToArray();
        Assert.True(missing.Length == 0, "missing excerpts:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_optimization_in_the_factory_carries_its_page_prose_and_the_baseline_none()
    {
        Assert.All(VariantFactory.Default.All.Where(v => v.Name != ScaleAnalysis.BaselineName), v =>
        {
            var t = v.Technique;
            Assert.True(t is not null, $"{v.Name}: no technique description");
            Assert.False(string.IsNullOrWhiteSpace(t.Title), v.Name);
            Assert.False(string.IsNullOrWhiteSpace(t.Idea), v.Name);
            Assert.StartsWith("- ", t.WhenToUse, StringComparison.Ordinal);
            Assert.StartsWith("- ", t.WhenNot, StringComparison.Ordinal);
            Assert.NotEmpty(t.Before);
            Assert.Equal(v.Name, t.After.Name);
        });
        Assert.Null(VariantFactory.Default.Get(ScaleAnalysis.BaselineName).Technique);
    }
}
