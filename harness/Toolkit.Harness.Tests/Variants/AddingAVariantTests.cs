using Toolkit.Harness.Reporting;
using Toolkit.Harness.Tests.Reporting;
using Toolkit.Optimizations;
using Toolkit.Optimizations.Tests.Conformance;

namespace Toolkit.Harness.Tests.Variants;

/// <summary>
/// The factory is the only list of variants: a variant added to a factory instance (no global state is
/// changed) appears in --variant and --variants (help and validation), in scale's variant list, in the
/// scale analysis's order and the pages' catalog, and in the conformance suite's data, which it passes.
/// </summary>
public sealed class AddingAVariantTests
{
    private const string Name = TestOnlyVariant.VariantName;

    private readonly TestOnlyVariant _variant = new();
    private readonly VariantFactory _variants;

    public AddingAVariantTests() => _variants = VariantFactory.Default.With(_variant);

    [Fact]
    public void The_default_factory_does_not_know_the_test_variant()
    {
        Assert.DoesNotContain(Name, VariantFactory.Default.Names);
        Assert.Equal([.. VariantFactory.Default.Names, Name], _variants.Names);
    }

    [Fact]
    public void It_appears_in_the_help_and_validation_of_variant_options_and_a_build_uses_it()
    {
        var root = Program.CreateRootCommand(_variants);
        foreach (var (verb, option) in new[] { ("build", "--variant"), ("footprint", "--variant"), ("scale", "--variants") })
        {
            var description = root.Subcommands.Single(c => c.Name == verb).Options.Single(o => o.Name == option).Description;
            Assert.Contains(Name, description, StringComparison.Ordinal);
        }

        var unknown = Assert.Throws<UnknownVariantException>(() => _variants.Get("nonsense"));
        Assert.Contains(Name, unknown.Message, StringComparison.Ordinal);

        using var project = new TempDirectory();
        File.WriteAllText(Path.Join(project.Path, "toolkit.manifest"), "toolkit-manifest 2\nbuild out.txt: Copy in.txt\nend\n");
        File.WriteAllText(Path.Join(project.Path, "in.txt"), "in\n");
        Assert.Equal(0, root.Parse(["build", project.Path, "--variant", Name, "-s", "-j", "1"]).Invoke());
        Assert.Equal(1, _variant.SettingsMade);
        Assert.True(File.Exists(Path.Join(project.Path, "out.txt")));
        Assert.Equal(1, root.Parse(["build", project.Path, "--variant", "nonsense", "-s"]).Invoke());
    }

    [Fact]
    public void It_is_in_scales_variant_list_the_analysis_order_and_the_pages_catalog()
    {
        var root = Program.CreateRootCommand(_variants);
        Assert.Equal(_variants.Names, root.Parse(["scale", "--variants", "all"]).GetValue<IReadOnlyList<string>>("--variants"));
        Assert.Equal(Harness.Scaling.ScaleRequest.DefaultVariants, root.Parse(["scale"]).GetValue<IReadOnlyList<string>>("--variants"));
        Assert.Equal([Name], root.Parse(["scale", "--variants", Name]).GetValue<IReadOnlyList<string>>("--variants"));
        var unknown = Assert.Single(root.Parse(["scale", "--variants", "nonsense"]).Errors);
        Assert.Contains(Name, unknown.Message, StringComparison.Ordinal);
        Assert.Empty(root.Parse(["build", ".", "--variant", Name]).Errors);

        var results = new ResultsBuilder()
            .Project(1_000, 2_000)
            .Runs("aaa-not-in-the-factory", 1_000, [900, 905, 910])
            .Runs(Name, 1_000, [600, 605, 610])
            .Runs(ScaleAnalysis.BaselineName, 1_000, [1_000, 1_005, 1_010])
            .Build();
        var analysis = new ScaleAnalysis(results, _variants);
        Assert.Equal([ScaleAnalysis.BaselineName, Name, "aaa-not-in-the-factory"], analysis.Variants);
        Assert.Same(_variant.Technique, analysis.Technique(Name));
        Assert.Null(new ScaleAnalysis(results).Technique(Name));

        using var pages = new TempDirectory();
        ReportGenerator.Write(results, pages.Path, FixtureExcerpts.FromFixtureDirectory(), _variants);
        var page = File.ReadAllText(Path.Join(pages.Path, "recommendations", Name + ".md"));
        Assert.StartsWith($"# {_variant.Technique!.Title}\n", page, StringComparison.Ordinal);
        Assert.Contains(_variant.Technique.Idea, page, StringComparison.Ordinal);
        Assert.Contains($"- [{_variant.Technique.Title}](recommendations/{Name}.md)", File.ReadAllText(Path.Join(pages.Path, "README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void It_is_in_the_conformance_suites_data_and_passes_it()
    {
        var cases = VariantConformance.Cases(_variants).Select(row => ((string)row[0], (string)row[1])).ToList();
        var mine = cases.Where(c => c.Item1 == Name).Select(c => c.Item2).ToList();
        Assert.Equal(VariantConformance.Cases(VariantFactory.Default).Count(row => (string)row[0] == "slots"), mine.Count);
        VariantConformance.Check(_variant, mine.First(p => p.Contains("unicode", StringComparison.Ordinal)));
    }
}
