using System.Text;
using Toolkit.Engine.Actions;
using Toolkit.Engine.Build;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Graph;

namespace Toolkit.Optimizations.Tests.Conformance;

/// <summary>One variant's copy of a project in memory, built step by step with -j 1 (so file clocks line up).</summary>
internal sealed class ConformanceRun
{
    private readonly EngineSettings _settings;

    public ConformanceRun(string variant, IReadOnlyDictionary<string, byte[]> tree)
    {
        Variant = variant;
        _settings = VariantFactory.CreateSettings(variant);
        foreach (var (path, bytes) in tree.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (path == "toolkit.manifest")
            {
                Manifest = Encoding.UTF8.GetString(bytes);
            }
            else
            {
                Files.WriteAllBytes(path, bytes);
            }
        }
    }

    public string Variant { get; }

    public MemoryFileSystem Files { get; } = new();

    public string Manifest { get; set; } = string.Empty;

    public Project Open(NullBuildReporter reporter) =>
        Project.Open(new StringReader(Manifest), "toolkit.manifest", Files, "/conformance", _settings, reporter);

    public StepOutcome Build(bool keepGoing = false)
    {
        var reporter = new NullBuildReporter();
        var project = Open(reporter);
        var result = project.Build(null, new BuildOptions { Jobs = 1, KeepGoing = keepGoing }, new BuiltinToolExecutor());
        var store = project.Graph.Store;
        var executed = Enumerable.Range(0, store.Count)
            .Where(n => store.GetExecutor(n) >= 0 && store.GetState(n) == NodeState.Executed)
            .Select(store.GetPath)
            .Order(StringComparer.Ordinal)
            .ToList();
        var database = Files.Stat(Project.DatabaseFileName).Exists ? Files.ReadAllBytes(Project.DatabaseFileName) : [];
        return new StepOutcome(result, executed, reporter.Commands.ToList(), reporter.Errors.ToList(), database);
    }
}
