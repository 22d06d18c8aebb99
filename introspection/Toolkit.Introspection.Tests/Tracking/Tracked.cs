namespace Toolkit.Introspection.Tests.Tracking;

/// <summary>A tracked-class specimen: 16 + 8 + 4 = 28 -> 32 bytes, plus a payload it owns.</summary>
internal sealed class Tracked
{
    public object? Payload;
    public int Value;
}
