using System.Collections.Concurrent;
using Microsoft.Build.Definition;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Evaluation.Context;
using Microsoft.Build.Execution;

namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>
/// Evaluates project files (never builds them) with properties that keep evaluation offline and
/// cheap, one time-limited evaluation per (project, target framework), cached so that the project
/// graph pass and the one-by-one walk share the work. Thread-safe: the graph calls it in parallel.
/// Holds every evaluated instance until disposed, which is what a project graph holds too.
/// </summary>
internal sealed class ProjectEvaluator : IDisposable
{
    /// <summary>The global property that selects one framework of a multi-targeted project.</summary>
    public const string TargetFrameworkProperty = "TargetFramework";

    // Evaluation only: design-time mode (the SDK tolerates a project that was never restored),
    // no compiler, no referenced-project builds, and no imports of restore-generated
    // obj/*.nuget.g.props|targets, so the result is the same whether or not a restore ever ran.
    private static readonly KeyValuePair<string, string>[] OfflineProperties =
    [
        new("DesignTimeBuild", "true"),
        new("SkipCompilerExecution", "true"),
        new("BuildProjectReferences", "false"),
        new("ExcludeRestorePackageImports", "true"),
    ];

    private readonly ProjectCollection _collection;
    private readonly EvaluationContext _context = EvaluationContext.Create(EvaluationContext.SharingPolicy.Shared);
    private readonly TimeSpan _timeout;
    private readonly ConcurrentDictionary<(string Path, string Framework), Lazy<EvaluationOutcome>> _cache = new();
    private int _abandoned;

    public ProjectEvaluator(TimeSpan timeout)
    {
        _timeout = timeout;
        _collection = new ProjectCollection(BaseGlobalProperties(""));
    }

    /// <summary>The collection evaluations load into (the project graph is given the same one).</summary>
    public ProjectCollection Collection => _collection;

    /// <summary>The global properties of an evaluation of one framework ("" for none).</summary>
    public static Dictionary<string, string> BaseGlobalProperties(string targetFramework)
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in OfflineProperties)
        {
            properties[name] = value;
        }

        if (targetFramework.Length > 0)
        {
            properties[TargetFrameworkProperty] = targetFramework;
        }

        return properties;
    }

    /// <summary>Evaluates a project for one framework ("" for the project's own choice), once.</summary>
    public EvaluationOutcome Evaluate(string projectPath, string targetFramework) =>
        _cache.GetOrAdd((projectPath, targetFramework), key => new Lazy<EvaluationOutcome>(() => EvaluateNow(key.Path, key.Framework))).Value;

    /// <summary>The project graph's factory: evaluates through the cache, throws on failure (which stops the graph).</summary>
    public ProjectInstance CreateForGraph(string projectPath, Dictionary<string, string> globalProperties, ProjectCollection collection)
    {
        globalProperties.TryGetValue(TargetFrameworkProperty, out var framework);
        var outcome = Evaluate(Path.GetFullPath(projectPath), framework ?? "");
        return outcome.Instance ?? throw new InvalidOperationException($"{projectPath}: {outcome.Error}");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // An abandoned (timed-out) evaluation may still be using the collection on its thread:
        // leave the collection to the garbage collector rather than pull it from under that thread.
        if (Volatile.Read(ref _abandoned) == 0)
        {
            _collection.Dispose();
        }
    }

    private EvaluationOutcome EvaluateNow(string projectPath, string targetFramework)
    {
        var options = new ProjectOptions
        {
            GlobalProperties = BaseGlobalProperties(targetFramework),
            ProjectCollection = _collection,
            EvaluationContext = _context,
            LoadSettings = ProjectLoadSettings.Default,
        };
        var outcome = TimeoutRunner.Run(
            () => ProjectInstance.FromFile(projectPath, options),
            _timeout,
            "msbuild-evaluation",
            out var instance,
            out var error);
        switch (outcome)
        {
            case TimeoutRunOutcome.Completed:
                return new EvaluationOutcome(instance, null);
            case TimeoutRunOutcome.TimedOut:
                Interlocked.Increment(ref _abandoned);
                return new EvaluationOutcome(null, $"evaluation did not finish within {_timeout.TotalSeconds:0.#} s (an SDK or package feed that does not answer?) and was abandoned", TimedOut: true);
            default:
                return new EvaluationOutcome(null, OneLine(error!.Message));
        }
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
