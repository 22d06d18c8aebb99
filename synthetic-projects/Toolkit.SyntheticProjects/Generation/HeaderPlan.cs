namespace Toolkit.SyntheticProjects.Generation;

/// <summary>
/// One header of the plan: where it lives, what it includes and declares, and its transitive
/// include closure (itself first), which is what an object including it depends on.
/// </summary>
public sealed class HeaderPlan
{
    internal HeaderPlan(string path, string includeName, string symbol, string comment, IReadOnlyList<HeaderPlan> includes, int scale)
    {
        Path = path;
        IncludeName = includeName;
        Symbol = symbol;
        Comment = comment;
        Includes = includes;
        Scale = scale;
        var closure = new List<string> { path };
        foreach (var included in includes)
        {
            foreach (var p in included.Closure)
            {
                if (!closure.Contains(p))
                {
                    closure.Add(p);
                }
            }
        }

        Closure = closure.ToArray();
    }

    /// <summary>Path relative to the project root.</summary>
    public string Path { get; }

    /// <summary>The name used in <c>#include</c> (the file name).</summary>
    public string IncludeName { get; }

    /// <summary>The C identifier stem of the header (guard, macro and type names).</summary>
    public string Symbol { get; }

    /// <summary>The lorem comment at the top.</summary>
    public string Comment { get; }

    /// <summary>Shared headers it includes with angle brackets.</summary>
    public IReadOnlyList<HeaderPlan> Includes { get; }

    /// <summary>A constant written into the header.</summary>
    public int Scale { get; }

    /// <summary>Functions it declares (filled in by the directory planner).</summary>
    public List<string> Declarations { get; } = [];

    /// <summary>This header and every header it includes, transitively, each once.</summary>
    public IReadOnlyList<string> Closure { get; }
}
