namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>How a <see cref="TimeoutRunner"/> run ended.</summary>
public enum TimeoutRunOutcome
{
    /// <summary>The work returned a value in time.</summary>
    Completed,

    /// <summary>The work threw in time.</summary>
    Failed,

    /// <summary>The work did not finish in time and was abandoned.</summary>
    TimedOut,
}
