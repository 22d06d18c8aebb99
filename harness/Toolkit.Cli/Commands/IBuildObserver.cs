using Toolkit.Engine.Actions;
using Toolkit.Engine.Build;
using Toolkit.Engine.Graph;

namespace Toolkit.Harness.Commands;

/// <summary>Watches one build of <see cref="BuildVerb"/> (the toolkit's --debug, --stats and heap snapshots); disposed when the verb ends.</summary>
public interface IBuildObserver : IDisposable
{
    /// <summary>Called after each load phase, or null when the observer does not need them (a null costs the load nothing).</summary>
    Action<LoadPhase, BuildGraph>? OnPhase { get; }

    /// <summary>
    /// The executor the build runs with, given the one the verb made; it lives for the build call only, so
    /// what it holds is dropped when the build ends (--expect-dead-after build). By default, unchanged.
    /// </summary>
    IActionExecutor Building(IActionExecutor executor) => executor;

    /// <summary>Called after a build that was not interrupted, with the graph alive.</summary>
    void AfterBuild(Project project);
}
