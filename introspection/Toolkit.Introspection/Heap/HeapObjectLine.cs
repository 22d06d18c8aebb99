namespace Toolkit.Introspection.Heap;

/// <summary>One object in a listing: address, type, size, retained size when computed, and a short preview (string text, count or length).</summary>
public sealed record HeapObjectLine(string Address, string Type, long Size, long? Retained, string? Preview)
{
    public string ToText() => $"{Address} {Type} {Size} B" + (Retained is null ? "" : $", retains {Retained} B") + (Preview is null ? "" : " " + Preview);
}
