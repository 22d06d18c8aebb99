namespace Toolkit.SizerTarget;

/// <summary>A node shaped like the engine's: byte enums, a path, lists of other nodes, a signature struct.</summary>
internal sealed class LookAlikeNode(int id, string path, LookAlikeKind kind)
{
    public int Id = id;
    public string Path = path;
    public LookAlikeKind Kind = kind;
    public LookAlikeState State;
    public LookAlikeNode? Directory;
    public List<LookAlikeNode> Sources = [];
    public List<LookAlikeNode>? Depends;
    public LookAlikeSignature Signature;
    public LookAlikeExecutor? Executor;
}
