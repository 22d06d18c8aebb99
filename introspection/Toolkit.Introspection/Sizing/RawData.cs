namespace Toolkit.Introspection.Sizing;

/// <summary>
/// A stand-in class whose only field sits where every object's first field sits, so that
/// <c>Unsafe.As&lt;RawData&gt;(o).Data</c> is a GC-tracked reference to the start of any object's data
/// (just after its method-table pointer). Costs nothing: it is never instantiated.
/// </summary>
internal sealed class RawData
{
    public byte Data;
}
