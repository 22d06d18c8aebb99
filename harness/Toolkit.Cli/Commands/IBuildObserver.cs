using Toolkit.Engine.Build;
using Toolkit.Engine.Graph;

namespace Toolkit.Harness.Commands;

/// <summary>Watches one build of <see cref="BuildVerb"/> (the toolkit's --debug, --stats and heap snapshots); disposed when the verb ends.</summary>
public interface IBuildObserver : IDisposable
{
    /// <summary>Called after each load phase, or null when the observer does not need them (a null costs the load nothing).</summary>
    Action<LoadPhase, BuildGraph>? OnPhase { get; }

    /// <summary>Called after a build that was not interrupted, with the graph alive.</summary>
    void AfterBuild(Project project);
}
