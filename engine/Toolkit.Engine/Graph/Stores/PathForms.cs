namespace Toolkit.Engine.Graph.Stores;

/// <summary>The derived path forms the baseline stores per node (name, suffix, absolute path), computed the same way.</summary>
public static class PathForms
{
    /// <summary>The last segment of a project-relative path.</summary>
    public static ReadOnlySpan<char> Name(ReadOnlySpan<char> path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? path : path[(slash + 1)..];
    }

    /// <summary>The suffix of a name, including the dot (empty when none).</summary>
    public static ReadOnlySpan<char> Suffix(ReadOnlySpan<char> name)
    {
        var dot = name.LastIndexOf('.');
        return dot < 0 ? [] : name[dot..];
    }

    /// <summary>The root directory as the baseline keeps it (no trailing '/').</summary>
    public static string Root(string rootDirectory) => rootDirectory.TrimEnd('/');

    /// <summary>The absolute path of a project-relative path under a root made by <see cref="Root"/>.</summary>
    public static string Absolute(string root, string path) => path == "." ? root : root + "/" + path;
}
