namespace Toolkit.Engine.Build;

/// <summary>
/// The graph has a cycle; the message names its nodes in order, the first repeated at the end, and
/// the manifest lines of the statements that build them ("FILE:LINE: dependency cycle: a -> b -> a
/// (the statements on lines 2 and 3)").
/// </summary>
public sealed class DependencyCycleException : UserErrorException
{
    /// <summary>Creates the error from the paths of the cycle.</summary>
    public DependencyCycleException(IReadOnlyList<string> cycle)
        : this(cycle, file: null, [])
    {
    }

    /// <summary>Creates the error from the paths of the cycle and the lines of <paramref name="file"/> that build them.</summary>
    public DependencyCycleException(IReadOnlyList<string> cycle, string? file, IReadOnlyList<int> lines)
        : base(Describe(cycle, file, lines))
    {
        Cycle = cycle;
        Lines = lines;
    }

    /// <summary>The nodes of the cycle, the first repeated at the end.</summary>
    public IReadOnlyList<string> Cycle { get; }

    /// <summary>The manifest lines of the statements in the cycle, in cycle order (empty when unknown).</summary>
    public IReadOnlyList<int> Lines { get; } = [];

    private static string Describe(IReadOnlyList<string> cycle, string? file, IReadOnlyList<int> lines)
    {
        var text = "dependency cycle: " + string.Join(" -> ", cycle);
        if (file is null || lines.Count == 0)
        {
            return text;
        }

        var numbers = string.Join(", ", lines.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{file}:{lines[0]}: {text} (the statements on lines {numbers})");
    }
}
