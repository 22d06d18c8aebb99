namespace Toolkit.Optimizations.Tests.Conformance;

/// <summary>The suite itself: it covers every variant of a factory in both log modes and catches a variant that records wrong signatures, naming variant, project and step.</summary>
public sealed class ConformanceSuiteTests
{
    [Fact]
    public void Every_variant_but_the_baseline_is_checked_on_every_project()
    {
        var cases = VariantConformance.Cases(VariantFactory.Default).Select(row => ((string)row[0], (string)row[1], (LogMode)row[2])).ToList();
        var expected = VariantFactory.Default.Names.SelectMany(v => ConformanceProjects.Names.Select(p => (v, p, LogMode.Present)))
            .Concat(VariantFactory.Default.Names.Skip(1).SelectMany(v => ConformanceProjects.Names.Select(p => (v, p, LogMode.Absent)))).ToList();
        Assert.Equal(expected, cases);
        Assert.Contains(ConformanceProjects.Names, p => p.Contains("unicode", StringComparison.Ordinal));
    }

    [Fact]
    public void A_variant_that_hashes_headers_wrongly_fails_naming_variant_project_and_step()
    {
        foreach (var (log, name) in new[] { (LogMode.Present, "present"), (LogMode.Absent, "absent") })
        {
            var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => VariantConformance.Check(new HeaderBlindVariant(), "features 2x5 seed 7", log));
            Assert.StartsWith($"variant 'header-blind' on features 2x5 seed 7, log {name}, step 'full build': the signature database differs from baseline's", failure.Message, StringComparison.Ordinal);
        }
    }
}
