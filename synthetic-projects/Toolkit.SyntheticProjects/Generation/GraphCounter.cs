namespace Toolkit.SyntheticProjects.Generation;

/// <summary>
/// Adds up the graph counts (<see cref="GraphCounts"/>) as directories stream past, with the
/// engine's definitions: a derived node's edges are its sources, explicit dependencies and
/// transitive header closure.
/// </summary>
internal sealed class GraphCounter
{
    private long _sources;
    private long _headers;
    private long _derived;
    private long _directories = 1; // the project root "."
    private long _edges;

    public void Shared(IReadOnlyList<HeaderPlan> shared)
    {
        _headers += shared.Count;
        _directories++;
    }

    public void Directory(DirectoryPlan directory)
    {
        _directories++;
        _headers += directory.Headers.Count;
        foreach (var source in directory.Sources)
        {
            _sources++;
            _derived++;
            _edges += 1 + source.HeaderDependencies.Count;
        }

        if (directory.LibraryPath is not null)
        {
            _derived++;
            _edges += directory.Sources.Count + directory.LibraryDepends.Count;
        }
    }

    public void Program(ProgramPlan program)
    {
        _directories++;
        _sources++;
        _derived += 2;
        _edges += 1 + program.HeaderDependencies.Count + program.LinkInputs.Count;
    }

    /// <summary>
    /// The counts so far; the one alias (<c>all</c>) included, with its one member (the program) as an edge.
    /// </summary>
    public GraphCounts Counts() => new(_sources, _headers, _derived, _directories, Aliases: 1, _edges + AliasMembers);

    /// <summary>Members of the alias <c>all</c>: the program alone.</summary>
    private const int AliasMembers = 1;
}
