namespace Toolkit.Introspection.Heap;

/// <summary>One type in a heap diff: counts and bytes before and after, their deltas, and how many objects are new (address not holding that type before) or gone.</summary>
public sealed record HeapDiffRow(string Type, long CountBefore, long CountAfter, long BytesBefore, long BytesAfter, long NewObjects, long GoneObjects)
{
    public long CountDelta => CountAfter - CountBefore;

    public long BytesDelta => BytesAfter - BytesBefore;

    /// <summary>"new" (type absent before), "gone" (absent after), or "changed"/"same".</summary>
    public string Status => CountBefore == 0 ? "new" : CountAfter == 0 ? "gone" : CountDelta != 0 || BytesDelta != 0 ? "changed" : "same";
}
