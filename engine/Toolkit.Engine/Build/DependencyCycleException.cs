namespace Toolkit.Engine.Build;

/// <summary>The graph has a cycle; the message names its nodes in order, the first repeated at the end.</summary>
public sealed class DependencyCycleException : UserErrorException
{
    /// <summary>Creates the error from the paths of the cycle.</summary>
    public DependencyCycleException(IReadOnlyList<string> cycle)
        : base("dependency cycle: " + string.Join(" -> ", cycle))
    {
        Cycle = cycle;
    }

    /// <summary>The nodes of the cycle, the first repeated at the end.</summary>
    public IReadOnlyList<string> Cycle { get; }
}
