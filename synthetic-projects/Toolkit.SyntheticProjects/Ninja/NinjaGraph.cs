namespace Toolkit.SyntheticProjects.Ninja;

/// <summary>
/// What a build.ninja and the files it includes describe, as ninja's State holds it: the build
/// statements (phony ones included), which statement produces each output, the default targets,
/// and the files read. Paths are canonical and relative to the build directory (ninja's working
/// directory) unless written absolute.
/// </summary>
internal sealed class NinjaGraph(string buildDirectory, NinjaScope rootScope)
{
    public NinjaScope RootScope { get; } = rootScope;

    public string BuildDirectory { get; } = buildDirectory;

    public List<NinjaEdge> Edges { get; } = [];

    public Dictionary<string, int> Producers { get; } = new(StringComparer.Ordinal);

    public List<string> Defaults { get; } = [];

    public HashSet<string> Pools { get; } = new(StringComparer.Ordinal) { "console" };

    public List<string> FilesRead { get; } = [];

    public int Rules { get; set; }

    /// <summary>Build statements with validations (<c>|@</c>), and the paths they name: ninja builds those alongside; the import leaves them out.</summary>
    public int ValidationStatements { get; set; }

    /// <summary>The paths after <c>|@</c>, over every statement.</summary>
    public int ValidationPaths { get; set; }

    /// <summary>Every path an edge names (outputs and inputs): the nodes ninja creates from the manifest.</summary>
    public HashSet<string> Nodes { get; } = new(StringComparer.Ordinal);
}
