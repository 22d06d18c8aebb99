namespace Toolkit.Introspection.Heap;

/// <summary>The GC roots of a heap: object number and kind per root (5 bytes), a name for the few that have one (static fields), and a bit per object for "is it a root".</summary>
public sealed class RootTable
{
    private readonly int[] _objects;
    private readonly byte[] _kinds;
    private readonly Dictionary<int, string> _names;
    private readonly ulong[] _isRoot;

    internal RootTable(int objectCount, int[] objects, byte[] kinds, Dictionary<int, string> names)
    {
        _objects = objects;
        _kinds = kinds;
        _names = names;
        _isRoot = new ulong[(objectCount + 63) / 64];
        foreach (int id in objects)
        {
            _isRoot[id >> 6] |= 1UL << id;
        }
    }

    public int Count => _objects.Length;

    public long MemoryBytes => _objects.LongLength * 5 + _isRoot.LongLength * 8 + _names.Count * 32L;

    public int Object(int index) => _objects[index];

    public HeapRootKind Kind(int index) => (HeapRootKind)_kinds[index];

    /// <summary>The root's name (a static field's <c>Type.Field</c>), or empty.</summary>
    public string Name(int index) => _names.GetValueOrDefault(index, "");

    public bool Contains(int id) => (_isRoot[id >> 6] & (1UL << id)) != 0;

    /// <summary>The object numbers of the roots, in file order (an object rooted twice appears twice).</summary>
    public ReadOnlySpan<int> Objects => _objects;
}
