namespace Toolkit.HeapTarget;

/// <summary>An element of the big benchmark heap: a name, a small payload array and a link.</summary>
public sealed class BigItem
{
    public BigItem? Next;
    public string? Name;
    public int[]? Payload;
    public int Id;
}
