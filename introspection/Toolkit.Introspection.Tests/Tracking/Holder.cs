namespace Toolkit.Introspection.Tests.Tracking;

/// <summary>A detail-mode specimen: its memory sits behind three fields of known sizes.</summary>
internal sealed class Holder
{
    public string? Name;
    public int[]? Numbers;
    public Holder? Next;
}
