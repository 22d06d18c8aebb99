namespace Toolkit.Engine.Build;

/// <summary>The phases of <see cref="Project.Open(string, EngineSettings, IBuildReporter, Action{LoadPhase, Graph.BuildGraph}?)"/>, reported to an optional callback as each ends.</summary>
public enum LoadPhase
{
    /// <summary>The manifest has been read into the graph; nothing scanned yet.</summary>
    ManifestRead,

    /// <summary>Implicit dependencies have been scanned and the store completed.</summary>
    Scanned,
}
