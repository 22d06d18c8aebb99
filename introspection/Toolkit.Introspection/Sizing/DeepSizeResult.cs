namespace Toolkit.Introspection.Sizing;

/// <summary>The result of a deep size: total bytes and objects, and what types they were (largest first).</summary>
public sealed class DeepSizeResult
{
    public DeepSizeResult(long totalBytes, long objectCount, bool depthLimitHit, IReadOnlyList<TypeSizeEntry> byType)
    {
        TotalBytes = totalBytes;
        ObjectCount = objectCount;
        DepthLimitHit = depthLimitHit;
        ByType = byType;
    }

    /// <summary>Sum of the shallow sizes of every object counted.</summary>
    public long TotalBytes { get; }

    /// <summary>Number of distinct objects counted.</summary>
    public long ObjectCount { get; }

    /// <summary>True when the depth limit stopped the walk before an object's references were entered.</summary>
    public bool DepthLimitHit { get; }

    /// <summary>Per-type counts and bytes, largest bytes first.</summary>
    public IReadOnlyList<TypeSizeEntry> ByType { get; }

    /// <summary>The breakdown as a plain-text table.</summary>
    public override string ToString()
    {
        var sb = new System.Text.StringBuilder();
        sb.Append($"{TotalBytes:N0} bytes in {ObjectCount:N0} objects{(DepthLimitHit ? " (depth limit hit)" : "")}\n");
        foreach (var e in ByType)
        {
            sb.Append($"{e.Bytes,14:N0} {e.Count,10:N0}  {TypeNames.Friendly(e.Type)}\n");
        }

        return sb.ToString();
    }
}
