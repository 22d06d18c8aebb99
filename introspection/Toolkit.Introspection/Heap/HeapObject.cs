using System.Globalization;

namespace Toolkit.Introspection.Heap;

/// <summary>
/// A handle to one object of a <see cref="HeapGraph"/>: the graph and the object's number, 16
/// bytes, copied freely (as ClrMD's ClrObject is a heap and an address). Every query reads the
/// graph's columns; nothing is cached in the handle. <c>default</c> is the null handle
/// (<see cref="IsNull"/>), returned where there is no object (the dominator of a root).
/// </summary>
public readonly struct HeapObject : IEquatable<HeapObject>
{
    private readonly HeapGraph? _graph;

    internal HeapObject(HeapGraph graph, int id)
    {
        _graph = graph;
        Id = id;
    }

    /// <summary>The object's number in its graph (0..ObjectCount-1, in address order).</summary>
    public int Id { get; }

    public HeapGraph Graph => _graph ?? throw new InvalidOperationException("the null HeapObject has no graph");

    public bool IsNull => _graph is null;

    public ulong Address => Graph.Address(Id);

    public HeapType Type => Graph.TypeOf(Id);

    /// <summary>The type's display name: with its module where names clash (<see cref="HeapTypeNames"/>).</summary>
    public string TypeName => Graph.TypeNameOf(Id);

    /// <summary>Size in bytes as the runtime counts it.</summary>
    public long Size => Graph.Size(Id);

    /// <summary>Array or string length, when the object is one.</summary>
    public long? Length => Graph.Length(Id);

    /// <summary>Element count of a known collection, when recorded.</summary>
    public long? Count => Graph.Count(Id);

    /// <summary>The recorded text of a string (cut at the capture's limit), or null.</summary>
    public string? StringValue => Graph.StringValue(Id);

    public HeapGeneration Generation => Graph.Generation(Id);

    public bool IsRoot => Graph.IsRoot(Id);

    /// <summary>True when a root (or the frozen heap) reaches it.</summary>
    public bool IsReachable => Graph.IsReachable(Id);

    /// <summary>The roots that hold this object directly.</summary>
    public IEnumerable<HeapRoot> Roots => Graph.RootsOf(Id);

    /// <summary>Bytes freed if this object were gone (itself and all it dominates); computes the dominator tree on first use.</summary>
    public long RetainedSize => Graph.Dominators().RetainedSize(Id);

    /// <summary>The object that dominates this one directly; null when only the roots as a whole do, or when unreachable.</summary>
    public HeapObject ImmediateDominator
    {
        get
        {
            int d = Graph.Dominators().ImmediateDominator(Id);
            return d >= 0 ? new HeapObject(Graph, d) : default;
        }
    }

    /// <summary>The objects this one references, with the field that holds each, lazily.</summary>
    public IEnumerable<HeapReference> EnumerateReferences()
    {
        var graph = Graph;
        int count = graph.Children(Id).Length;
        for (int i = 0; i < count; i++)
        {
            yield return new HeapReference(new HeapObject(graph, graph.Children(Id)[i]), graph.ChildField(Id, i));
        }
    }

    /// <summary>The objects that reference this one, lazily (builds the graph's parents table on first use).</summary>
    public IEnumerable<HeapObject> EnumerateReferrers()
    {
        var graph = Graph;
        int count = graph.Parents(Id).Length;
        for (int i = 0; i < count; i++)
        {
            yield return new HeapObject(graph, graph.Parents(Id)[i]);
        }
    }

    public bool Equals(HeapObject other) => ReferenceEquals(_graph, other._graph) && Id == other.Id;

    public override bool Equals(object? obj) => obj is HeapObject other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_graph, Id);

    public static bool operator ==(HeapObject left, HeapObject right) => left.Equals(right);

    public static bool operator !=(HeapObject left, HeapObject right) => !left.Equals(right);

    /// <summary><c>0x7f... TypeName</c>, as the reports print an object.</summary>
    public override string ToString() => IsNull ? "null" : "0x" + Address.ToString("x", CultureInfo.InvariantCulture) + " " + TypeName;
}
