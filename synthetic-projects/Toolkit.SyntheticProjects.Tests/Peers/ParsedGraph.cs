namespace Toolkit.SyntheticProjects.Tests.Peers;

/// <summary>What a test parser read from one build description.</summary>
public sealed class ParsedGraph
{
    /// <summary>(target, dependency) pairs as written: sources, explicit dependencies and, for Make and Ninja, headers.</summary>
    public HashSet<(string Target, string Dependency)> Edges { get; } = [];

    /// <summary>Targets and the builder (or rule) that makes them.</summary>
    public Dictionary<string, string> Builders { get; } = new(StringComparer.Ordinal);

    /// <summary>Per object target, the CPPPATH of the environment it is built in (manifest and SConstruct).</summary>
    public Dictionary<string, IReadOnlyList<string>> IncludePathOf { get; } = new(StringComparer.Ordinal);

    /// <summary>Aliases (or phony targets) and their members.</summary>
    public Dictionary<string, List<string>> Aliases { get; } = new(StringComparer.Ordinal);

    /// <summary>Default targets.</summary>
    public List<string> Defaults { get; } = [];

    public void Add(string target, string builder, IEnumerable<string> dependencies)
    {
        Assert.False(Builders.ContainsKey(target), $"{target} is built twice");
        Builders[target] = builder;
        foreach (var dependency in dependencies)
        {
            Edges.Add((target, dependency));
        }
    }
}
