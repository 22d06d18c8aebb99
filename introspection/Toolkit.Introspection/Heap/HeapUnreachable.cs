namespace Toolkit.Introspection.Heap;

/// <summary>Objects no root reaches (garbage the GC has not collected yet) that a graph left out: the one line the reports print about them.</summary>
public sealed record HeapUnreachable(long Objects, long Bytes)
{
    public static HeapUnreachable None { get; } = new(0, 0);

    public string ToText() => $"not yet collected: {Objects:N0} objects, {Bytes:N0} bytes (unreachable from every root; --include-unreachable lists them)";
}
