namespace Toolkit.Introspection.Heap;

/// <summary>The footer of a heap file, as read: where it starts, the record counts, the checksum, and (version 3) where the tail
/// of type records, chunk index and end record starts (0 in version 2).</summary>
public sealed record HeapFileFooter(long At, long Objects, long Edges, long Types, long Roots, long Segments, byte[] Checksum, long TailAt = 0)
{
    /// <summary>Each record takes at least a few bytes, so the counts cannot exceed the room between header and footer:
    /// checked before any array is sized from them, so a hostile footer cannot cause a huge allocation.</summary>
    public void CheckRoom(HeapFileReader reader, long headerEnd)
    {
        ArgumentNullException.ThrowIfNull(reader);
        long room = At - headerEnd;
        if (room < 1 || Objects < 0 || Objects > room / HeapFileFormat.MinObjectRecordBytes || Objects >= Array.MaxLength
            || Edges < 0 || Edges > room || Edges >= Array.MaxLength
            || Types < 0 || Types > room / 4 || Roots < 0 || Roots > room / 3 || Segments < 0 || Segments > room / HeapFileFormat.MinSegmentRecordBytes)
        {
            throw new HeapFormatException($"{reader.Path}: damaged footer at byte {At}: counts {Objects} objects, {Edges} references, "
                + $"{Types} types, {Roots} roots, {Segments} segments do not fit in {room} bytes of records");
        }
    }
}
