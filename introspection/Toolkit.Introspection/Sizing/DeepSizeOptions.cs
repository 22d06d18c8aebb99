namespace Toolkit.Introspection.Sizing;

/// <summary>What a deep size leaves out and how far it goes. All optional.</summary>
public sealed class DeepSizeOptions
{
    /// <summary>Objects neither counted nor entered (by reference identity).</summary>
    public IEnumerable<object> ExcludedObjects { get; init; } = [];

    /// <summary>Types neither counted nor entered; an object is excluded when it is of one of these types or derives from / implements one.</summary>
    public IEnumerable<Type> ExcludedTypes { get; init; } = [];

    /// <summary>How many references deep to go: 0 = the root only. Objects beyond are not counted.</summary>
    public int MaxDepth { get; init; } = int.MaxValue;

    /// <summary>Called for every counted object with its shallow size (slows the walk; for tools and tests).</summary>
    public Action<object, long>? Visit { get; init; }
}
