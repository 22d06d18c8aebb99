namespace Toolkit.Engine.Graph;

/// <summary>Where a node is in the current build. One byte wide, as SCons's node states.</summary>
public enum NodeState : byte
{
    /// <summary>Not yet looked at in this build (the initial state).</summary>
    None = 0,
    /// <summary>Its dependencies are being evaluated.</summary>
    Pending = 1,
    /// <summary>Its action is running.</summary>
    Executing = 2,
    /// <summary>Found up to date: nothing was run.</summary>
    UpToDate = 3,
    /// <summary>Its action ran and succeeded (or, with -n, would have run).</summary>
    Executed = 4,
    /// <summary>Its action failed.</summary>
    Failed = 5,
    /// <summary>Not built because a dependency failed or the build stopped.</summary>
    Skipped = 6,
}
