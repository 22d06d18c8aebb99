namespace Toolkit.Optimizations.Interning;

/// <summary>
/// The flyweight table of the interning variant: one shared string per distinct path segment or
/// suffix. Lookups by span allocate nothing (the set's alternate lookup), so a path can be resolved
/// segment by segment without building substrings. Costs one 16-byte set entry per distinct string;
/// saves a string per repeated name. Written only while loading (single thread); read concurrently.
/// </summary>
internal sealed class InternTable
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public InternTable()
    {
        _bySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of distinct strings.</summary>
    public int Count => _strings.Count;

    /// <summary>The shared string equal to <paramref name="text"/>, added when new.</summary>
    public string Intern(ReadOnlySpan<char> text)
    {
        if (_bySpan.TryGetValue(text, out var shared))
        {
            return shared;
        }

        shared = text.ToString();
        _strings.Add(shared);
        return shared;
    }

    /// <summary>The shared string equal to <paramref name="text"/>, when there is one.</summary>
    public bool TryGet(ReadOnlySpan<char> text, out string shared) => _bySpan.TryGetValue(text, out shared!);
}
