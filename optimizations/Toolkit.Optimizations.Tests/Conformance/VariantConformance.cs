using System.Text;
using Toolkit.Engine.Build;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Image;

namespace Toolkit.Optimizations.Tests.Conformance;

/// <summary>
/// The conformance suite, the one for every variant: each variant of a <see cref="VariantFactory"/> against
/// the baseline, on every project of <see cref="ConformanceProjects"/> (generator shapes and hand-made feature
/// projects), through the same steps: full build, a touch and a change right after it, a null build (answered by the
/// image the build before wrote, for a variant that keeps one), header edit, touch, source change, deleted
/// output, added source, a failure with -k and its fix, a final null build. After loading and after every
/// step, the store must answer every query of the seam alike (<see cref="StoreAssert"/>), and the same
/// actions must run with the same command lines, errors and results, leaving the same files and
/// byte-identical signature databases. Each case runs with the dependency log present (as the engine runs by
/// default; the baseline too, in the same mode, so the files' logical clocks line up) or absent; with the log
/// present, the graph after every step must also equal a fresh scan of the same files without it, so the
/// baseline is checked in that mode too. Every failure names the variant, the project, the log mode and the step.
/// </summary>
public static class VariantConformance
{
    /// <summary>
    /// (variant, project, log mode): every variant of <paramref name="variants"/> on every project with the log
    /// present (the baseline too: against a scan without the log) and every variant but the baseline with it absent.
    /// </summary>
    public static TheoryData<string, string, LogMode> Cases(VariantFactory variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        var data = new TheoryData<string, string, LogMode>();
        foreach (var log in new[] { LogMode.Present, LogMode.Absent })
        {
            foreach (var variant in variants.Names.Where(n => log == LogMode.Present || n != BaselineVariant.VariantName))
            {
                foreach (var project in ConformanceProjects.Names)
                {
                    data.Add(variant, project, log);
                }
            }
        }

        return data;
    }

    /// <summary>Runs <paramref name="variant"/> and the baseline through the edit sequence on the named project, with the dependency log.</summary>
    public static void Check(IMemoryVariant variant, string projectName) => Check(variant, projectName, LogMode.Present);

    /// <summary>Runs <paramref name="variant"/> and the baseline through the edit sequence on the named project, both with the log present or both without.</summary>
    public static void Check(IMemoryVariant variant, string projectName, LogMode log)
    {
        ArgumentNullException.ThrowIfNull(variant);
        var project = ConformanceProjects.Get(projectName);
        var baseline = new ConformanceRun(new BaselineVariant(), project.Tree, log);
        var other = new ConformanceRun(variant, project.Tree, log);
        var context = $"variant '{variant.Name}' on {project.Name}, log {(log == LogMode.Present ? "present" : "absent")}";

        SameGraph(baseline, other, $"{context}, after loading");
        Step("full build", baseline, other, run => run.Build(), context, expectWork: true);
        Step("touch a source after the full build", baseline, other, run => { run.Files.Touch(project.Source); return run.Build(); }, context, expectWork: false, served: false);
        Step("change a source after the full build", baseline, other, run => { Append(run, project.Source, "/* changed after the full build */\n"); return run.Build(); }, context, expectWork: true, served: false);
        Step("null build after a build that ran actions", baseline, other, run => run.Build(), context, expectWork: false, served: true);
        Step("null build from the image", baseline, other, run => run.Build(), context, expectWork: false, served: true);
        Step("touch a header (known only through scanned edges)", baseline, other, run => { run.Files.Touch(project.Header); return run.Build(); }, context, expectWork: false, served: false);
        Step("null build from the image after the touch", baseline, other, run => run.Build(), context, expectWork: false, served: true);
        Step("delete an output after a null build", baseline, other, run => { run.Files.Delete(FindObject(run, project.Source)); return run.Build(); }, context, expectWork: true);
        Step("edit a header", baseline, other, run => { Append(run, project.Header, "/* edited */\n"); return run.Build(); }, context, expectWork: true);
        Step("touch a source", baseline, other, run => { run.Files.Touch(project.Source); return run.Build(); }, context, expectWork: false);
        Step("change a source", baseline, other, run => { Append(run, project.Source, "int conformance_extra(void) { return 1; }\n"); return run.Build(); }, context, expectWork: true);
        Step("delete an output", baseline, other, run => { run.Files.Delete(FindObject(run, project.Source)); return run.Build(); }, context, expectWork: true);
        Step("add a source", baseline, other, run => { project.AddSource(run); return run.Build(); }, context, expectWork: true);
        SameGraph(baseline, other, $"{context}, after adding a source");
        Step("a failing source with -k", baseline, other, run => { Append(run, project.Source, "#error conformance\n"); return run.Build(keepGoing: true); }, context, expectWork: true);
        Assert.False(other.Files.Stat(BuildImage.FileName).Exists, $"{context}: a build that failed left a build image");
        Step("the fix", baseline, other, run =>
        {
            run.Files.WriteText(project.Source, run.Files.ReadText(project.Source).Replace("#error conformance\n", string.Empty, StringComparison.Ordinal));
            return run.Build();
        }, context, expectWork: true);
        Step("null build at the end", baseline, other, run => run.Build(), context, expectWork: false);
        Step("a damaged image", baseline, other, run => { EditImage(run, at: CheckedFileHeader + 40, 0x5A); return run.Build(); }, context, expectWork: false, served: false);
        Assert.True(!other.KeepsImage || other.LastWarnings.Any(w => w.Contains(BuildImage.FileName, StringComparison.Ordinal)), $"{context}: a damaged image gave no warning");
        Step("null build from the rewritten image", baseline, other, run => run.Build(), context, expectWork: false, served: true);
        Step("an image of another format version", baseline, other, run => { EditImage(run, at: 8, 99); return run.Build(); }, context, expectWork: false, served: false);
        Assert.True(!other.KeepsImage || other.LastWarnings.Count == 0, $"{context}: an image of another version is ignored silently, got [{string.Join(" | ", other.LastWarnings)}]");
        Step("a manifest edit that changes no decision", baseline, other, run => { run.Manifest += "# edited\n"; return run.Build(); }, context, expectWork: false, served: false);
        Step("a manifest edit that changes a command line", baseline, other, run => { run.Manifest = AddFlag(run.Manifest); return run.Build(); }, context, expectWork: true, served: false);
    }

    private const int CheckedFileHeader = Toolkit.Engine.Persistence.CheckedFile.HeaderSize;

    /// <summary>XORs one byte of the image (when there is one; the baseline keeps none).</summary>
    private static void EditImage(ConformanceRun run, int at, byte mask)
    {
        if (run.Files.Stat(BuildImage.FileName).Exists)
        {
            var bytes = run.Files.ReadAllBytes(BuildImage.FileName);
            bytes[at] ^= mask;
            run.Files.WriteAllBytes(BuildImage.FileName, bytes);
        }
    }

    /// <summary>The manifest with a define added to the first Object statement's environment (a new command line for it).</summary>
    private static string AddFlag(string manifest)
    {
        var at = manifest.IndexOf(": Object ", StringComparison.Ordinal);
        var line = manifest.LastIndexOf('\n', at) + 1;
        return manifest.Insert(line, "CPPDEFINES = CONFORMANCE_EDIT\n");
    }

    private static void Step(string name, ConformanceRun baseline, ConformanceRun other, Func<ConformanceRun, StepOutcome> step, string context, bool expectWork, bool? served = null)
    {
        var expected = step(baseline);
        var actual = step(other);
        other.LastWarnings = actual.Warnings;
        var where = $"{context}, step '{name}'";
        MemoryFileSystem.AlignClocks(baseline.Files, other.Files); // the image's writes (and the database write an image saves) tick one clock only
        Assert.True(served is null || actual.ServedByImage == (served.Value && other.KeepsImage), $"{where}: {(actual.ServedByImage ? "answered from the build image" : "loaded the project")}, expected {(served == true && other.KeepsImage ? "the image" : "a load")}");
        Assert.False(expected.ServedByImage, $"{where}: the baseline keeps no image");
        var didWork = expected.Executed.Count > 0 || expected.Result.Failed > 0;
        Assert.True(expectWork == didWork, $"{where}: the baseline {(expectWork ? "ran and failed nothing" : "ran " + expected.Executed.Count + " actions")}; the step does not test what it should");
        Assert.True(expected.Executed.SequenceEqual(actual.Executed), $"{where}: ran [{string.Join(", ", actual.Executed.Take(8))}...] ({actual.Executed.Count}), baseline ran [{string.Join(", ", expected.Executed.Take(8))}...] ({expected.Executed.Count})");
        Assert.True(expected.Commands.SequenceEqual(actual.Commands), $"{where}: command lines differ from baseline's");
        foreach (var (run, outcome) in new[] { (baseline, expected), (other, actual) })
        {
            if (outcome.DryRunCommands is not var (decisionsOnly, scanned))
            {
                continue;
            }

            // -n opened as the CLI opens it, scanning only the objects whose outputs exist, prints what it prints with every
            // object scanned; and it names every action the build runs, in the build's order (one job). It may name more: with
            // -n whatever depends on an action that would run would run too, where the build finds an unchanged output.
            var dry = $"{where}, {run.Variant.Name}'s run: a dry run before the build";
            Assert.True(decisionsOnly.SequenceEqual(scanned), $"{dry} would run {Show(decisionsOnly)} scanning only objects with outputs, {Show(scanned)} scanning every object");
            Assert.True(outcome.Result.Failed > 0 || IsSubsequence(outcome.Commands, decisionsOnly), $"{dry} would run {Show(decisionsOnly)}, the build ran {Show(outcome.Commands)}");
        }

        Assert.True(expected.Errors.SequenceEqual(actual.Errors), $"{where}: errors [{string.Join(" | ", actual.Errors)}], baseline [{string.Join(" | ", expected.Errors)}]");
        Assert.True(expected.Result == actual.Result with { Elapsed = expected.Result.Elapsed }, $"{where}: result {actual.Result}, baseline {expected.Result}");
        Assert.True(expected.StoredBeforeBuild.SequenceEqual(actual.StoredBeforeBuild), $"{where}: the stored infos applied from the database differ from baseline's");
        Assert.True(expected.Files.SequenceEqual(actual.Files), $"{where}: the files on disk differ from baseline's");
        Assert.True(expected.Database.AsSpan().SequenceEqual(actual.Database), $"{where}: the signature database differs from baseline's ({actual.Database.Length} bytes against {expected.Database.Length})");
        StoreAssert.SameBuildState(expected.Project.Graph.Store, actual.Project.Graph.Store, where);
        if (actual.Project.DependencyLogStatus is not null)
        {
            StoreAssert.SameGraph(other.OpenWithoutLog().Graph.Store, actual.Project.Graph.Store, $"{where}, against a scan without the log");
        }
    }

    private static string Show(List<string> commands) =>
        $"{commands.Count} commands [{string.Join(" | ", commands.Take(4))}{(commands.Count > 4 ? " | ..." : string.Empty)}]";

    private static bool IsSubsequence(List<string> part, List<string> whole)
    {
        var at = 0;
        foreach (var item in whole)
        {
            if (at < part.Count && part[at] == item)
            {
                at++;
            }
        }

        return at == part.Count;
    }

    private static void SameGraph(ConformanceRun baseline, ConformanceRun other, string context)
    {
        var a = baseline.Open(new NullBuildReporter());
        var b = other.Open(new NullBuildReporter());
        StoreAssert.SameGraph(a.Graph.Store, b.Graph.Store, context);
        Assert.True(a.Graph.DefaultTargets.SequenceEqual(b.Graph.DefaultTargets), $"{context}: default targets differ");
        Assert.True(a.DatabaseStatus == b.DatabaseStatus, $"{context}: database status {b.DatabaseStatus}, baseline {a.DatabaseStatus}");
    }

    private static void Append(ConformanceRun run, string path, string text) =>
        run.Files.WriteAllBytes(path, [.. run.Files.ReadAllBytes(path), .. Encoding.UTF8.GetBytes(text)]);

    private static string FindObject(ConformanceRun run, string source)
    {
        var graph = run.Open(new NullBuildReporter()).Graph;
        var store = graph.Store;
        var sourceId = store.FindNode(source);
        for (var node = 0; node < store.Count; node++)
        {
            if (store.GetExecutor(node) >= 0 && graph.GetEdges(node, EdgeKind.Sources).Contains(sourceId))
            {
                return store.GetPath(node);
            }
        }

        throw new InvalidOperationException($"no object is built from {source}");
    }

}
