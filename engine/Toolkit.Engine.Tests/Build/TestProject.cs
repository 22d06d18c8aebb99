using Toolkit.Engine.Actions;
using Toolkit.Engine.Build;
using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Tests.Build;

/// <summary>A project in memory: a manifest text plus files, built with the engine as the CLI would.</summary>
internal sealed class TestProject
{
    public TestProject(string manifest, EngineSettings? settings = null)
    {
        Manifest = manifest;
        Settings = settings ?? EngineSettings.Baseline;
    }

    public MemoryFileSystem Files { get; } = new();

    public string Manifest { get; set; }

    public EngineSettings Settings { get; }

    public NullBuildReporter LastReporter { get; private set; } = new();

    public Project LastProject { get; private set; } = null!;

    public Project Open() => Open(readOnly: false);

    /// <summary>Opens the project; <paramref name="readOnly"/> for a build that will not save (-n), as <c>toolkit build -n</c> opens.</summary>
    public Project Open(bool readOnly) => Open(Settings.WithReadOnly(readOnly));

    private Project Open(EngineSettings settings)
    {
        LastReporter = new NullBuildReporter();
        LastProject = Project.Open(new StringReader(Manifest), "test.manifest", Files, "/project", settings, LastReporter);
        return LastProject;
    }

    /// <summary>Builds and returns the command lines that ran, in order (-j 1 for a stable order).</summary>
    public (BuildResult Result, List<string> Commands) Build(bool keepGoing = false, bool dryRun = false, params string[] targets)
    {
        var project = Open(readOnly: dryRun);
        var ids = targets.Select(project.ResolveTarget).ToList();
        var result = project.Build(ids, new BuildOptions { Jobs = 1, KeepGoing = keepGoing, DryRun = dryRun }, new BuiltinToolExecutor());
        return (result, LastReporter.Commands.ToList());
    }

    /// <summary>
    /// A dry run opened as <c>toolkit build -n</c> opens one (read-only, scanning only the objects whose outputs exist:
    /// <see cref="EngineSettings.ScanForDecisionsOnly"/>), one job; returns the project and the commands it would run.
    /// </summary>
    public (Project Project, List<string> Commands) DryRunAsCli()
    {
        var project = Open(Settings.WithScanForDecisionsOnly(true));
        project.Build(null, new BuildOptions { Jobs = 1, DryRun = true }, new BuiltinToolExecutor());
        return (project, LastReporter.Commands.ToList());
    }

    /// <summary>The targets (the path after -o or the first word after rcs) of the commands that ran.</summary>
    public static List<string> Targets(IEnumerable<string> commands) => commands.Select(TargetOf).ToList();

    private static string TargetOf(string command)
    {
        var words = command.Split(' ');
        var o = Array.IndexOf(words, "-o");
        if (o >= 0)
        {
            return words[o + 1];
        }

        var rcs = Array.IndexOf(words, "rcs");
        return rcs >= 0 ? words[rcs + 1] : command;
    }
}
