namespace Toolkit.Introspection.Tracking;

/// <summary>A concrete runtime type the tracker has instances of, with whether its class is tracked and in detail mode.</summary>
internal sealed class TrackedType(int index, Type type, bool tracked, bool detail)
{
    public int Index { get; } = index;

    public Type Type { get; } = type;

    public string Name { get; } = TypeNames.Friendly(type);

    /// <summary>True when instances are tracked automatically (the type or a base is a tracked class).</summary>
    public bool Tracked { get; set; } = tracked;

    public bool Detail { get; set; } = detail;
}
