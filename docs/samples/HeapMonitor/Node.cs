namespace HeapMonitor;

/// <summary>A build node as a careful first port would hold it: a path, the nodes it is made from, a kind and a signature.</summary>
internal sealed class Node(string path, byte kind)
{
    public string Path { get; } = path;

    public List<Node> Sources { get; } = [];

    public byte Kind { get; } = kind;

    public long Signature { get; set; }

    /// <summary>Shared by every node (as SCons shares a construction environment): excluded from the sizes below.</summary>
    public Dictionary<string, string>? Environment { get; set; }
}
