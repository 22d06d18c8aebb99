namespace Toolkit.SyntheticProjects.Generation;

/// <summary>
/// One source directory of the plan: its headers, sources, objects, its named environment
/// (CPPPATH = the directory and include/) and its library, if the shape has one.
/// </summary>
public sealed class DirectoryPlan
{
    internal DirectoryPlan(string name, IReadOnlyList<HeaderPlan> headers, IReadOnlyList<SourcePlan> sources, string? libraryPath, IReadOnlyList<string> libraryDepends)
    {
        Name = name;
        Headers = headers;
        Sources = sources;
        LibraryPath = libraryPath;
        LibraryDepends = libraryDepends;
        IncludePath = [name, ProjectPlan.SharedDirectory];
    }

    /// <summary>The directory's path (one segment) and the name of its environment.</summary>
    public string Name { get; }

    /// <summary>The directory's own headers.</summary>
    public IReadOnlyList<HeaderPlan> Headers { get; }

    /// <summary>Its sources, each built into one object.</summary>
    public IReadOnlyList<SourcePlan> Sources { get; }

    /// <summary>The static library built from its objects; null when the shape links objects directly.</summary>
    public string? LibraryPath { get; }

    /// <summary>Explicit dependencies of the library (the previous library of a chain).</summary>
    public IReadOnlyList<string> LibraryDepends { get; }

    /// <summary>CPPPATH of its environment.</summary>
    public IReadOnlyList<string> IncludePath { get; }

    /// <summary>The object paths, in source order.</summary>
    public string[] ObjectPaths()
    {
        var objects = new string[Sources.Count];
        for (var i = 0; i < objects.Length; i++)
        {
            objects[i] = Sources[i].ObjectPath;
        }

        return objects;
    }
}
