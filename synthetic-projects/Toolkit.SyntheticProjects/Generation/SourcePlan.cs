namespace Toolkit.SyntheticProjects.Generation;

/// <summary>
/// One C source of the plan and the object built from it. Holds names and choices, never the
/// text: the text is rendered from the plan, written and dropped.
/// </summary>
public sealed class SourcePlan
{
    internal SourcePlan(
        string path,
        string objectPath,
        string comment,
        IReadOnlyList<string> functions,
        IReadOnlyList<int> constants,
        IReadOnlyList<HeaderPlan> localIncludes,
        IReadOnlyList<HeaderPlan> sharedIncludes,
        bool declaredInHeader,
        IReadOnlyList<string> headerDependencies,
        int? largeSeed = null)
    {
        Path = path;
        ObjectPath = objectPath;
        Comment = comment;
        Functions = functions;
        Constants = constants;
        LocalIncludes = localIncludes;
        SharedIncludes = sharedIncludes;
        DeclaredInHeader = declaredInHeader;
        HeaderDependencies = headerDependencies;
        LargeSeed = largeSeed;
    }

    /// <summary>Path of the .c file relative to the project root.</summary>
    public string Path { get; }

    /// <summary>Path of the object built from it.</summary>
    public string ObjectPath { get; }

    /// <summary>The lorem comment at the top.</summary>
    public string Comment { get; }

    /// <summary>Functions it defines (names unique across the project).</summary>
    public IReadOnlyList<string> Functions { get; }

    /// <summary>Two constants per function, used in the function bodies.</summary>
    public IReadOnlyList<int> Constants { get; }

    /// <summary>Headers of its own directory it includes with quotes.</summary>
    public IReadOnlyList<HeaderPlan> LocalIncludes { get; }

    /// <summary>Shared headers it includes with angle brackets.</summary>
    public IReadOnlyList<HeaderPlan> SharedIncludes { get; }

    /// <summary>True when one of its local headers declares its functions.</summary>
    public bool DeclaredInHeader { get; }

    /// <summary>The object's implicit dependencies: the transitive header closure, each header once.</summary>
    public IReadOnlyList<string> HeaderDependencies { get; }

    /// <summary>Seed of the data array of a large file; null for ordinary sources.</summary>
    public int? LargeSeed { get; }
}
