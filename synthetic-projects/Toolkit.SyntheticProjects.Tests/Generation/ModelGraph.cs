using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.SyntheticProjects.Tests.Generation;

/// <summary>
/// The graph the plan describes, materialized for small projects: every derived node's edges
/// (sources + explicit dependencies + transitive headers), the files, the directories.
/// </summary>
public sealed class ModelGraph
{
    public HashSet<(string Target, string Dependency)> Edges { get; } = [];

    /// <summary>Edges without header dependencies (what SCons and the manifest list by hand).</summary>
    public HashSet<(string Target, string Dependency)> ListedEdges { get; } = [];

    public HashSet<string> Sources { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Headers { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Derived { get; } = new(StringComparer.Ordinal);

    /// <summary>Per object, the CPPPATH of the environment that builds it.</summary>
    public Dictionary<string, IReadOnlyList<string>> IncludePathOf { get; } = new(StringComparer.Ordinal);

    /// <summary>Per object, the header closure the plan gives it.</summary>
    public Dictionary<string, IReadOnlyList<string>> HeadersOf { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Directories
    {
        get
        {
            var directories = new HashSet<string>(StringComparer.Ordinal) { "." };
            foreach (var file in Sources.Concat(Headers).Concat(Derived))
            {
                directories.Add(Path.GetDirectoryName(file)!.Replace('\\', '/'));
            }

            return directories;
        }
    }

    /// <summary>Nodes by the engine's definition: files, derived files, directories and the alias.</summary>
    public long NodeCount => Sources.Count + Headers.Count + Derived.Count + Directories.Count + 1;

    public static ModelGraph Of(ProjectPlan plan)
    {
        var model = new ModelGraph();
        foreach (var header in plan.SharedHeaders)
        {
            model.Headers.Add(header.Path);
        }

        var directories = Enumerable.Range(0, plan.DirectoryCount).Select(plan.PlanDirectory).ToList();
        if (plan.PlanLargeDirectory() is { } large)
        {
            directories.Add(large);
        }

        foreach (var directory in directories)
        {
            foreach (var header in directory.Headers)
            {
                model.Headers.Add(header.Path);
            }

            foreach (var source in directory.Sources)
            {
                model.Object(source.ObjectPath, source.Path, source.HeaderDependencies, directory.IncludePath);
            }

            if (directory.LibraryPath is { } library)
            {
                model.Derived.Add(library);
                foreach (var dependency in directory.ObjectPaths().Concat(directory.LibraryDepends))
                {
                    model.Listed(library, dependency);
                }
            }
        }

        var program = plan.PlanProgram();
        model.Object(program.MainObjectPath, program.MainPath, program.HeaderDependencies, [ProjectPlan.SharedDirectory]);
        model.Derived.Add(program.ProgramPath);
        foreach (var input in program.LinkInputs)
        {
            model.Listed(program.ProgramPath, input);
        }

        return model;
    }

    private void Object(string target, string source, IReadOnlyList<string> headers, IReadOnlyList<string> includePath)
    {
        Sources.Add(source);
        Derived.Add(target);
        Listed(target, source);
        foreach (var header in headers)
        {
            Assert.True(Edges.Add((target, header)), $"{target} lists {header} twice");
        }

        IncludePathOf[target] = includePath;
        HeadersOf[target] = headers;
    }

    private void Listed(string target, string dependency)
    {
        Assert.True(Edges.Add((target, dependency)), $"{target} lists {dependency} twice");
        ListedEdges.Add((target, dependency));
    }
}
