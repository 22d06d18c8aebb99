namespace Toolkit.Introspection.Heap;

/// <summary>What a capture wrote: counts, file size and the time each step took.</summary>
public sealed record HeapCaptureResult(
    string Path,
    string Source,
    long Objects,
    long References,
    int Types,
    long Roots,
    long TotalObjectBytes,
    long FileBytes,
    TimeSpan AttachTime,
    TimeSpan WalkTime)
{
    public string ToText() =>
        $"wrote {Path}: {Objects:N0} objects ({TotalObjectBytes:N0} bytes), {References:N0} references, "
        + $"{Types:N0} types, {Roots:N0} roots; file {FileBytes:N0} bytes; attach {AttachTime.TotalSeconds:F2} s, walk+write {WalkTime.TotalSeconds:F2} s";
}
