using System.Collections.Concurrent;
using Microsoft.Build.Definition;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Evaluation.Context;
using Microsoft.Build.Execution;

namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>
/// Evaluates project files (never builds them) with properties that keep evaluation offline and
/// cheap, one time-limited evaluation per (project, global properties), cached. Evaluations share
/// one EvaluationContext (its SDK-resolution, file-system and glob caches make a thousand-project
/// tree several times faster), but a failure is never taken from shared state: a failed evaluation
/// is retried once in an isolated context, because the shared SDK cache is keyed by SDK name alone,
/// so one project's unresolvable <c>Sdk="X/1.0"</c> would otherwise fail every other project using
/// X. Thread-safe: ProjectGraph calls it in parallel. Holds every evaluated instance until disposed,
/// which is what a project graph holds too.
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
    private readonly ConcurrentDictionary<string, Lazy<EvaluationOutcome>> _cache = new(ManifestPaths.Comparer);
    private int _abandoned;
    private int _retriedAndSucceeded;

    public ProjectEvaluator(TimeSpan timeout)
    {
        _timeout = timeout;
        _collection = new ProjectCollection(BaseGlobalProperties());
    }

    /// <summary>The collection evaluations load into (the project graph is given the same one).</summary>
    public ProjectCollection Collection => _collection;

    /// <summary>How many evaluations failed in the shared context and succeeded alone (false failures avoided).</summary>
    public int RetriedAndSucceeded => Volatile.Read(ref _retriedAndSucceeded);

    /// <summary>The names of the importer's own global properties (left out of a node's description).</summary>
    public static bool IsOwnProperty(string name) => OfflineProperties.Any(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The global properties every evaluation starts from.</summary>
    public static Dictionary<string, string> BaseGlobalProperties()
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in OfflineProperties)
        {
            properties[name] = value;
        }

        return properties;
    }

    /// <summary>Evaluates a project with these global properties, once per distinct set.</summary>
    public EvaluationOutcome Evaluate(string projectPath, IDictionary<string, string> globalProperties)
    {
        var key = projectPath + "|" + string.Join(';', globalProperties.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase).Select(p => $"{p.Key.ToUpperInvariant()}={p.Value}"));
        var properties = new Dictionary<string, string>(globalProperties, StringComparer.OrdinalIgnoreCase);
        return _cache.GetOrAdd(key, _ => new Lazy<EvaluationOutcome>(() => EvaluateNow(projectPath, properties))).Value;
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

    private EvaluationOutcome EvaluateNow(string projectPath, Dictionary<string, string> globalProperties)
    {
        if (!File.Exists(projectPath))
        {
            return new EvaluationOutcome(null, Directory.Exists(projectPath) ? "the project path is a directory" : "the project file does not exist");
        }

        var shared = EvaluateIn(projectPath, globalProperties, _context);
        if (shared.Instance is not null || shared.TimedOut)
        {
            return shared;
        }

        var alone = EvaluateIn(projectPath, globalProperties, EvaluationContext.Create(EvaluationContext.SharingPolicy.Isolated));
        if (alone.Instance is not null)
        {
            Interlocked.Increment(ref _retriedAndSucceeded);
        }

        return alone;
    }

    private EvaluationOutcome EvaluateIn(string projectPath, Dictionary<string, string> globalProperties, EvaluationContext context)
    {
        var options = new ProjectOptions
        {
            GlobalProperties = globalProperties,
            ProjectCollection = _collection,
            EvaluationContext = context,
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

    /// <summary>A message on one line (MSBuild's span several).</summary>
    public static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
