namespace Toolkit.Introspection.Heap;

/// <summary>
/// Type names as every view shows them: the bare name, and where types of different modules share a name (61 names of a
/// real heap do), the module in brackets, <c>App.Item [Plugin.A]</c>, so two types are never read as one. Costs one
/// string per type, made once per graph (<see cref="HeapGraph.TypeName(int)"/>).
/// </summary>
public static class HeapTypeNames
{
    /// <summary>The display name of each type of <paramref name="types"/>, in their order.</summary>
    public static string[] Of(IReadOnlyList<HeapType> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var clash = Clashing(types.Select(t => (t.Name, t.Module)));
        return types.Select(t => Display(t.Name, t.Module, clash)).ToArray();
    }

    /// <summary>The names that more than one module defines among <paramref name="types"/>.</summary>
    public static HashSet<string> Clashing(IEnumerable<(string Name, string Module)> types) =>
        types.Distinct().GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>The name, with the module in brackets when the name is one of <paramref name="clashing"/> and the module is known.</summary>
    public static string Display(string name, string module, IReadOnlySet<string> clashing)
    {
        ArgumentNullException.ThrowIfNull(clashing);
        return clashing.Contains(name) && module.Length > 0 ? $"{name} [{module}]" : name;
    }
}
