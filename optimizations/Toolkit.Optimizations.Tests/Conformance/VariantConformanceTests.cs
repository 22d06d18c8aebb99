using Toolkit.Engine.Build;
using Toolkit.Engine.Database;

namespace Toolkit.Optimizations.Tests.Conformance;

/// <summary>
/// The conformance suite over every variant of <see cref="VariantFactory.Default"/>: the edit sequence of
/// <see cref="VariantConformance.Check(IMemoryVariant, string, LogMode)"/> on every project of <see cref="ConformanceProjects"/>, and a
/// parallel build against one job. Every failure names the variant, the project and the step.
/// </summary>
public sealed class VariantConformanceTests
{
    /// <summary>(variant, project, log mode) for every variant of the project's factory, on every project (<see cref="VariantConformance.Cases"/>).</summary>
    public static TheoryData<string, string, LogMode> Cases() => VariantConformance.Cases(VariantFactory.Default);

    /// <summary>The variants whose parallel builds are checked against one job: every one of the factory.</summary>
    public static TheoryData<string> Variants() => [.. VariantFactory.Default.Names];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Variant_matches_baseline_through_the_edit_sequence(string variant, string project, LogMode log) =>
        VariantConformance.Check(VariantFactory.Default.Get(variant), project, log);

    [Theory]
    [MemberData(nameof(Variants))]
    public void A_parallel_build_writes_the_same_database_as_one_job(string variant)
    {
        var project = ConformanceProjects.Get("features 12x9 seed 4 unicode");
        var chosen = VariantFactory.Default.Get(variant);
        var serial = new ConformanceRun(chosen, project.Tree).Build(jobs: 1);
        var parallel = new ConformanceRun(chosen, project.Tree).Build(jobs: 4);
        var where = $"variant '{variant}' on {project.Name}, -j 4 against -j 1";
        Assert.True(serial.Result.Succeeded && parallel.Result.Succeeded, $"{where}: {string.Join(" | ", serial.Errors.Concat(parallel.Errors))}");
        Assert.True(serial.Executed.SequenceEqual(parallel.Executed), $"{where}: different actions ran");

        // Stamps come from the memory file system's logical clock, which counts writes in the order the
        // workers make them; everything else (paths, signatures, sizes) must be equal.
        Assert.True(Entries(serial).SequenceEqual(Entries(parallel)), $"{where}: the databases differ beyond stamps");
    }

    private static IEnumerable<(string Path, string Content, string Build, long Size)> Entries(StepOutcome outcome)
    {
        var loaded = SignatureDatabase.Load(outcome.Project.FileSystem, Project.DatabaseFileName);
        return loaded.Database.Entries
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => (e.Key, e.Value.ContentSignature.ToHex(), e.Value.BuildSignature.ToHex(), e.Value.Stamp.Size));
    }
}
