namespace Toolkit.Introspection.Heap;

/// <summary>What a loaded <see cref="HeapGraph"/> costs, by part, in bytes and per object.</summary>
public sealed record HeapGraphMemory(long Objects, long References, long CoreBytes, long EdgeBytes, long ExtraBytes, long ParentBytes, long DominatorBytes)
{
    public long TotalBytes => CoreBytes + EdgeBytes + ExtraBytes + ParentBytes + DominatorBytes;

    public double BytesPerObject => Objects == 0 ? 0 : (double)TotalBytes / Objects;

    public string ToText() =>
        $"{Objects:N0} objects, {References:N0} references: core (addresses, types, child offsets, lengths) {CoreBytes:N0} B, references {EdgeBytes:N0} B, "
        + $"counts/strings/roots {ExtraBytes:N0} B, parents {ParentBytes:N0} B, dominators {DominatorBytes:N0} B; "
        + $"total {TotalBytes:N0} B = {BytesPerObject:F1} bytes/object";
}
