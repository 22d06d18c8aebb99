using System.Text;
using Toolkit.Engine.Build;
using Toolkit.Engine.Graph;
using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.Optimizations.Tests.Conformance;

/// <summary>
/// The conformance suite: every variant in <see cref="VariantFactory"/> against baseline, on projects
/// of every generator shape and several seeds, through the same sequence of edits. After loading,
/// every graph query must agree; after every step, the same actions, the same errors and the same
/// signature database bytes. Every failure names the variant and the step.
/// </summary>
public sealed class VariantConformanceTests
{
    public static TheoryData<string, string, int, int> Cases()
    {
        var data = new TheoryData<string, string, int, int>();
        foreach (var variant in VariantFactory.Names.Where(n => n != "baseline"))
        {
            data.Add(variant, "c-libraries", 250, 1);
            data.Add(variant, "c-libraries", 120, 2);
            data.Add(variant, "deep-chain", 150, 3);
            data.Add(variant, "wide-fanin", 150, 4);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Variant_matches_baseline_through_the_edit_sequence(string variant, string shape, int sources, int seed)
    {
        var tree = GeneratedTrees.Get(ProjectShapes.Parse(shape), sources, seed);
        var baseline = new ConformanceRun("baseline", tree);
        var other = new ConformanceRun(variant, tree);
        var context = $"variant '{variant}' on {shape} {sources} sources seed {seed}";

        SameGraph(baseline, other, context);
        Step("full build", baseline, other, run => run.Build(), context, expectWork: true);
        Step("null build", baseline, other, run => run.Build(), context, expectWork: false);

        var header = tree.Keys.Where(p => p.EndsWith(".h", StringComparison.Ordinal)).Order(StringComparer.Ordinal).First();
        Step("edit a header", baseline, other, run => { Append(run, header, "/* edited */\n"); return run.Build(); }, context, expectWork: true);

        var source = tree.Keys.Where(p => p.EndsWith(".c", StringComparison.Ordinal)).Order(StringComparer.Ordinal).First();
        Step("touch a source", baseline, other, run => { run.Files.Touch(source); return run.Build(); }, context, expectWork: false);
        Step("change a source", baseline, other, run => { Append(run, source, "int conformance_extra(void) { return 1; }\n"); return run.Build(); }, context, expectWork: true);

        Step("delete an output", baseline, other, run => { run.Files.Delete(FindObject(run, source)); return run.Build(); }, context, expectWork: true);

        Step("add a source", baseline, other, run =>
        {
            run.Files.WriteText("added/extra.c", $"#include \"{header}\"\nint added_extra(void) {{ return 2; }}\n");
            run.Manifest = run.Manifest.Replace("\nend\n", "\nCPPPATH = .\nbuild added/extra.o: Object added/extra.c\ndefault added/extra.o\nend\n", StringComparison.Ordinal);
            return run.Build();
        }, context, expectWork: true);
        SameGraph(baseline, other, context + ", after adding a source");

        Step("a failing source with -k", baseline, other, run => { Append(run, source, "#error conformance\n"); return run.Build(keepGoing: true); }, context, expectWork: true);
        Step("the fix", baseline, other, run =>
        {
            var text = run.Files.ReadText(source).Replace("#error conformance\n", string.Empty, StringComparison.Ordinal);
            run.Files.WriteText(source, text);
            return run.Build();
        }, context, expectWork: true);
        Step("null build at the end", baseline, other, run => run.Build(), context, expectWork: false);
    }

    private static void Step(string name, ConformanceRun baseline, ConformanceRun other, Func<ConformanceRun, StepOutcome> step, string context, bool expectWork)
    {
        var expected = step(baseline);
        var actual = step(other);
        var where = $"{context}, step '{name}'";
        var didWork = expected.Executed.Count > 0 || expected.Result.Failed > 0;
        Assert.True(expectWork == didWork, $"{where}: the baseline {(expectWork ? "ran and failed nothing" : "ran " + expected.Executed.Count + " actions")}; the step does not test what it should");
        Assert.True(expected.Executed.SequenceEqual(actual.Executed), $"{where}: ran [{string.Join(", ", actual.Executed.Take(8))}...] ({actual.Executed.Count}), baseline ran [{string.Join(", ", expected.Executed.Take(8))}...] ({expected.Executed.Count})");
        Assert.True(expected.Commands.SequenceEqual(actual.Commands), $"{where}: command lines differ from baseline's");
        Assert.True(expected.Errors.SequenceEqual(actual.Errors), $"{where}: errors [{string.Join(" | ", actual.Errors)}], baseline [{string.Join(" | ", expected.Errors)}]");
        Assert.True(expected.Result == actual.Result with { Elapsed = expected.Result.Elapsed }, $"{where}: result {actual.Result}, baseline {expected.Result}");
        Assert.True(expected.Database.AsSpan().SequenceEqual(actual.Database), $"{where}: the signature database differs from baseline's ({actual.Database.Length} bytes against {expected.Database.Length})");
    }

    private static void SameGraph(ConformanceRun baseline, ConformanceRun other, string context)
    {
        var a = baseline.Open(new NullBuildReporter()).Graph;
        var b = other.Open(new NullBuildReporter()).Graph;
        Assert.True(a.Store.Count == b.Store.Count, $"{context}: {b.Store.Count} nodes, baseline {a.Store.Count}");
        Assert.True(a.Store.ExecutorCount == b.Store.ExecutorCount, $"{context}: {b.Store.ExecutorCount} executors, baseline {a.Store.ExecutorCount}");
        for (var node = 0; node < a.Store.Count; node++)
        {
            var path = a.Store.GetPath(node);
            var where = $"{context}, node {node} '{path}'";
            Assert.True(path == b.Store.GetPath(node), $"{where}: path '{b.Store.GetPath(node)}'");
            Assert.True(a.Store.FindNode(path) == b.Store.FindNode(path), $"{where}: FindNode differs");
            Assert.True(a.Store.GetKind(node) == b.Store.GetKind(node), $"{where}: kind {b.Store.GetKind(node)}, baseline {a.Store.GetKind(node)}");
            Assert.True(a.Store.GetDirectory(node) == b.Store.GetDirectory(node), $"{where}: directory differs");
            foreach (var kind in EdgeKinds.All)
            {
                Assert.True(a.GetEdges(node, kind).SequenceEqual(b.GetEdges(node, kind)), $"{where}: {kind} edges differ");
            }

            var executor = a.Store.GetExecutor(node);
            Assert.True(executor == b.Store.GetExecutor(node), $"{where}: executor differs");
            if (executor >= 0)
            {
                Assert.True(a.Store.GetBuilder(executor) == b.Store.GetBuilder(executor), $"{where}: builder differs");
                Assert.True(a.Store.GetEnvironment(executor) == b.Store.GetEnvironment(executor), $"{where}: environment differs");
                Assert.True(a.Store.TargetCount(executor) == b.Store.TargetCount(executor), $"{where}: target count differs");
            }
        }

        Assert.True(a.DefaultTargets.SequenceEqual(b.DefaultTargets), $"{context}: default targets differ");
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
