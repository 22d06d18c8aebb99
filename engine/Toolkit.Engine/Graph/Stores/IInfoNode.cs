namespace Toolkit.Engine.Graph.Stores;

/// <summary>
/// A node's infos, in whatever form the variant keeps them (hex strings, 16-byte signatures, inline
/// fields), converted to and from the engine's values. Adds no field.
/// </summary>
public interface IInfoNode
{
    /// <summary>What is known now.</summary>
    NodeInfo GetInfo();

    /// <summary>Records what is known now.</summary>
    void SetInfo(NodeInfo info);

    /// <summary>What the signature database said.</summary>
    NodeInfo GetStoredInfo();

    /// <summary>Records what the signature database said.</summary>
    void SetStoredInfo(NodeInfo info);

    /// <summary>Build info of this run, or null.</summary>
    BuildInfo? GetBuildInfo();

    /// <summary>Records build info.</summary>
    void SetBuildInfo(BuildInfo info);
}
