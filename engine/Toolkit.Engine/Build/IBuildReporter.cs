namespace Toolkit.Engine.Build;

/// <summary>What a build tells the person running it. Called from worker threads: implementations lock.</summary>
public interface IBuildReporter
{
    /// <summary>An action's command line, before it runs (or instead of running it, with -n).</summary>
    void Command(string commandLine);

    /// <summary>An error: a failed action, a missing source.</summary>
    void Error(string message);

    /// <summary>A warning (a damaged database, say).</summary>
    void Warning(string message);

    /// <summary>Progress: nodes done out of nodes in the build.</summary>
    void Progress(int done, int total);
}
