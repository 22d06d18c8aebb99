namespace Toolkit.Introspection.Heap;

/// <summary>
/// Which types are collections with a private backing store, by name: the capture records their
/// element count, the reducer folds their arrays into them, the inspector compares the two. Only
/// the collection class itself matches: its arrays and nested types
/// (<c>Dictionary&lt;K,V&gt;+Entry[]</c>, <c>+KeyCollection</c>) share its name as a prefix but are not it.
/// </summary>
public static class CollectionNames
{
    // Generic collections by name up to the type arguments; the name must end where the arguments end.
    private static readonly string[] GenericCollections =
    [
        "System.Collections.Generic.List<", "System.Collections.Generic.Dictionary<", "System.Collections.Generic.HashSet<",
        "System.Collections.Generic.Queue<", "System.Collections.Generic.Stack<", "System.Collections.Generic.SortedList<",
        "System.Collections.Generic.PriorityQueue<", "System.Collections.Concurrent.ConcurrentDictionary<", "System.Collections.Concurrent.ConcurrentQueue<",
        "System.Collections.ObjectModel.Collection<", "System.Collections.Generic.SortedSet<",
    ];

    // Non-generic collections by exact name.
    private static readonly string[] PlainCollections = ["System.Collections.ArrayList", "System.Collections.Hashtable", "System.Text.StringBuilder"];

    // The collections whose count the capture can read (_size, _count - _freeCount, m_ChunkLength).
    private static readonly string[] CountedPrefixes =
    [
        "System.Collections.Generic.List<", "System.Collections.Generic.Dictionary<", "System.Collections.Generic.HashSet<",
        "System.Collections.Generic.Queue<", "System.Collections.Generic.Stack<", "System.Collections.Generic.SortedList<",
        "System.Collections.ArrayList", "System.Collections.Hashtable", "System.Text.StringBuilder",
    ];

    /// <summary>True for a collection class whose arrays fold into it (never an array, never a nested type).</summary>
    public static bool IsCollection(string typeName, bool isArray) =>
        !isArray && (Array.IndexOf(PlainCollections, typeName) >= 0 || Array.Exists(GenericCollections, p => IsGenericInstance(typeName, p)));

    /// <summary>True for a collection whose element count the capture records.</summary>
    public static bool IsCounted(string typeName, bool isArray) =>
        IsCollection(typeName, isArray) && Array.Exists(CountedPrefixes, p => typeName.StartsWith(p, StringComparison.Ordinal));

    // "Prefix<...>" where the '<' of the prefix is closed by the last character of the name.
    private static bool IsGenericInstance(string name, string prefix)
    {
        if (!name.StartsWith(prefix, StringComparison.Ordinal) || name[^1] != '>')
        {
            return false;
        }
        int depth = 1;
        for (int i = prefix.Length; i < name.Length; i++)
        {
            depth += name[i] == '<' ? 1 : name[i] == '>' ? -1 : 0;
            if (depth == 0)
            {
                return i == name.Length - 1;
            }
        }
        return false;
    }
}
