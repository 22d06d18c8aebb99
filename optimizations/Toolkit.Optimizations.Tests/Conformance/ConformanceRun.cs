using System.Text;
using Toolkit.Engine.Actions;
using Toolkit.Engine.Build;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Image;

namespace Toolkit.Optimizations.Tests.Conformance;

/// <summary>One variant's copy of a project in memory, opened and built step by step as the CLI would.</summary>
internal sealed class ConformanceRun
{
    private readonly EngineSettings _settings;

    public ConformanceRun(IMemoryVariant variant, IReadOnlyDictionary<string, byte[]> tree, LogMode log = LogMode.Present)
    {
        Variant = variant;
        _settings = variant.CreateSettings().WithDependencyLog(log == LogMode.Present);
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

    public IMemoryVariant Variant { get; }

    public MemoryFileSystem Files { get; } = new();

    public string Manifest { get; set; } = string.Empty;

    public Project Open(NullBuildReporter reporter) => Open(reporter, _settings);

    private Project Open(NullBuildReporter reporter, EngineSettings settings) =>
        Project.OpenText(Manifest, "toolkit.manifest", Files, "/conformance", settings, reporter);

    /// <summary>The warnings of the last step's build.</summary>
    public List<string> LastWarnings { get; set; } = [];

    /// <summary>True when the variant keeps a build image.</summary>
    public bool KeepsImage => _settings.BuildImage;

    /// <summary>Opens the files as they are now with every file scanned afresh (reads only: the log and the files stay as they are).</summary>
    public Project OpenWithoutLog() =>
        Project.Open(new StringReader(Manifest), "toolkit.manifest", Files, "/conformance", _settings.WithDependencyLog(false), new NullBuildReporter());

    /// <summary>Opens and builds the defaults (one job unless asked: with one, the file clocks of two runs line up).</summary>
    public StepOutcome Build(bool keepGoing = false, int jobs = 1)
    {
        var reporter = new NullBuildReporter();
        if (_settings.BuildImage && ImageCheck.Run(Files, BuildImage.HashText(Manifest), _settings, reporter, out var served, out _) == ImageOutcome.UpToDate)
        {
            return FromImage(served, reporter, jobs);
        }

        var dryRun = DryRunCommands(jobs);
        var project = Open(reporter);
        var store = project.Graph.Store;
        var stored = Enumerable.Range(0, store.Count).Select(store.GetStoredInfo).ToList();
        var result = project.Build(null, new BuildOptions { Jobs = jobs, KeepGoing = keepGoing }, new BuiltinToolExecutor());
        var executed = Enumerable.Range(0, store.Count)
            .Where(n => store.GetExecutor(n) >= 0 && store.GetState(n) == NodeState.Executed)
            .Select(store.GetPath)
            .Order(StringComparer.Ordinal)
            .ToList();
        var database = Files.Stat(Project.DatabaseFileName).Exists ? Files.ReadAllBytes(Project.DatabaseFileName) : [];
        return new StepOutcome(project, stored, result, executed, [.. reporter.Commands], [.. reporter.Errors], database, FilesBesideImage(), reporter.Warnings, ServedByImage: false) { DryRunCommands = dryRun };
    }

    /// <summary>
    /// What <c>toolkit build -n</c> would print before this build: a dry run opened as the CLI opens one (read-only, the
    /// scan only of objects whose outputs exist), which writes nothing, so the build after it is the step's; and what
    /// the same dry run prints with every object scanned.
    /// </summary>
    private (List<string> DecisionsOnly, List<string> Scanned) DryRunCommands(int jobs)
    {
        var readOnly = _settings.WithReadOnly(true);
        return (DryRun(readOnly.WithScanForDecisionsOnly(true)), DryRun(readOnly));

        List<string> DryRun(EngineSettings settings)
        {
            var reporter = new NullBuildReporter();
            var project = Open(reporter, settings);
            project.Build(null, new BuildOptions { Jobs = jobs, DryRun = true }, new BuiltinToolExecutor());
            return [.. reporter.Commands];
        }
    }

    /// <summary>
    /// The image said nothing is to do: what a loaded project decides must agree, so it is opened and built with -n (which
    /// writes nothing) for the outcome's store, and its result must be the image's.
    /// </summary>
    private StepOutcome FromImage(BuildResult served, NullBuildReporter reporter, int jobs)
    {
        var project = Open(new NullBuildReporter());
        var store = project.Graph.Store;
        var stored = Enumerable.Range(0, store.Count).Select(store.GetStoredInfo).ToList();
        var dry = project.Build(null, new BuildOptions { Jobs = jobs, DryRun = true }, new BuiltinToolExecutor());
        Assert.True(dry == served with { Elapsed = dry.Elapsed }, $"variant '{Variant.Name}': the image says {served}, a loaded project's dry run {dry}");
        var database = Files.Stat(Project.DatabaseFileName).Exists ? Files.ReadAllBytes(Project.DatabaseFileName) : [];
        return new StepOutcome(project, stored, served, [], [], [], database, FilesBesideImage(), reporter.Warnings, ServedByImage: true);
    }

    private List<string> FilesBesideImage() => [.. Files.Paths.Where(path => path != BuildImage.FileName)];
}
