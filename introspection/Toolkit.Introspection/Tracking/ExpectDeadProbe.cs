namespace Toolkit.Introspection.Tracking;

/// <summary>
/// Holds the survivors of an expect-dead check in one static array while this process's heap is captured, so they can be found in
/// the snapshot (the root named <see cref="RootName"/>, its elements in order); the path search then avoids that array. Empty otherwise.
/// </summary>
internal static class ExpectDeadProbe
{
    /// <summary>The static root's name as the heap file records it (<c>Type.Field</c>).</summary>
    public const string RootName = "Toolkit.Introspection.Tracking.ExpectDeadProbe.Survivors";

    public static object[]? Survivors;
}
