using System.Collections.Concurrent;
using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.Optimizations.Tests.Conformance;

/// <summary>
/// The projects of the conformance suite, by name: generator projects of every shape (what the
/// measurements run on) and hand-made feature projects (every statement form, non-ASCII names, aliases,
/// side effects, nested directories). Each is made once per test run, on first use.
/// </summary>
internal static class ConformanceProjects
{
    private static readonly Dictionary<string, Func<ConformanceProject>> Makers = new(StringComparer.Ordinal)
    {
        ["c-libraries 250 seed 1"] = () => Generated(ProjectShape.CLibraries, 250, 1),
        ["c-libraries 120 seed 2"] = () => Generated(ProjectShape.CLibraries, 120, 2),
        ["deep-chain 150 seed 3"] = () => Generated(ProjectShape.DeepChain, 150, 3),
        ["wide-fanin 150 seed 4"] = () => Generated(ProjectShape.WideFanin, 150, 4),
        ["features 1x1 seed 1"] = () => Features(new FeatureProject(1, 1, 1)),
        ["features 2x5 seed 7"] = () => Features(new FeatureProject(2, 5, 7)),
        ["features 4x12 seed 42 unicode"] = () => Features(new FeatureProject(4, 12, 42, depth: 3, unicode: true)),
        ["features 12x9 seed 4 unicode"] = () => Features(new FeatureProject(12, 9, 4, depth: 4, unicode: true)),
    };

    private static readonly ConcurrentDictionary<string, Lazy<ConformanceProject>> Made = new(StringComparer.Ordinal);

    /// <summary>Every project's name.</summary>
    public static IReadOnlyList<string> Names => [.. Makers.Keys];

    /// <summary>The project with this name.</summary>
    public static ConformanceProject Get(string name) =>
        Made.GetOrAdd(name, key => new Lazy<ConformanceProject>(() => Makers[key]())).Value;

    private static ConformanceProject Generated(ProjectShape shape, int sources, int seed)
    {
        var tree = GeneratedTrees.Get(shape, sources, seed);
        var header = tree.Keys.Where(p => p.EndsWith(".h", StringComparison.Ordinal)).Order(StringComparer.Ordinal).First();
        var source = tree.Keys.Where(p => p.EndsWith(".c", StringComparison.Ordinal)).Order(StringComparer.Ordinal).First();
        return new ConformanceProject($"{ProjectShapes.Name(shape)} {sources} seed {seed}", tree, header, source, run =>
        {
            run.Files.WriteText("added/extra.c", $"#include \"{header}\"\nint added_extra(void) {{ return 2; }}\n");
            run.Manifest = run.Manifest.Replace("\nend\n", "\nCPPPATH = .\nbuild added/extra.o: Object added/extra.c\ndefault added/extra.o\nend\n", StringComparison.Ordinal);
        });
    }

    private static ConformanceProject Features(FeatureProject project) =>
        new(project.Name, project.Tree(), project.IncludedHeader, project.Source(0, 0), FeatureProject.AddSource);
}
