namespace Toolkit.Introspection.Heap;

/// <summary>A growable int array without List's per-call overhead; trimmed to size with <see cref="ToArray"/>.</summary>
public sealed class IntList
{
    private int[] _items = new int[16];

    public int Count { get; private set; }

    public void Add(int value)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }
        _items[Count++] = value;
    }

    public int[] ToArray() => _items.AsSpan(0, Count).ToArray();
}
