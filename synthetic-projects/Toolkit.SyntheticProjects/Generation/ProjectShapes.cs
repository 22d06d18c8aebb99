namespace Toolkit.SyntheticProjects.Generation;

/// <summary>Converts <see cref="ProjectShape"/> values to and from their command-line names.</summary>
public static class ProjectShapes
{
    private static readonly (ProjectShape Shape, string Name)[] Names =
    [
        (ProjectShape.CLibraries, "c-libraries"),
        (ProjectShape.DeepChain, "deep-chain"),
        (ProjectShape.WideFanin, "wide-fanin"),
    ];

    /// <summary>The valid command-line names, in declaration order.</summary>
    public static IReadOnlyList<string> ValidNames { get; } = Names.Select(n => n.Name).ToArray();

    /// <summary>The command-line name of a shape.</summary>
    public static string Name(ProjectShape shape)
    {
        foreach (var (s, name) in Names)
        {
            if (s == shape)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(shape), shape, $"unknown shape; valid shapes: {string.Join(", ", ValidNames)}");
    }

    /// <summary>Parses a command-line name (case-insensitive); an unknown name is an error listing the valid ones.</summary>
    public static ProjectShape Parse(string name)
    {
        if (TryParse(name, out var shape))
        {
            return shape;
        }

        throw new ArgumentException($"unknown shape '{name}'; valid shapes: {string.Join(", ", ValidNames)}", nameof(name));
    }

    /// <summary>Parses a command-line name; false when it names no shape.</summary>
    public static bool TryParse(string? name, out ProjectShape shape)
    {
        foreach (var (s, n) in Names)
        {
            if (string.Equals(n, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                shape = s;
                return true;
            }
        }

        shape = default;
        return false;
    }
}
