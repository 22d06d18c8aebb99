namespace Toolkit.Engine.Graph.Stores;

/// <summary>A node object that knows its dense id, so shared helpers can turn references back into ids.</summary>
public interface IStoreNode
{
    /// <summary>Dense id (its index in the store).</summary>
    int Id { get; }
}
