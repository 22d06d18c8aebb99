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
    /// <summary>How a running process was read: <see cref="HeapCaptureMode.InPlace"/> or <see cref="HeapCaptureMode.ThroughDump"/>
    /// (a capture of this process goes through a dump too); <see cref="HeapCaptureMode.Auto"/> for a capture of a dump file.</summary>
    public HeapCaptureMode Mode { get; init; }

    /// <summary>Of <see cref="AttachTime"/>: createdump writing the dump (zero when attached in place or reading a dump).</summary>
    public TimeSpan DumpTime { get; init; }

    /// <summary>Of <see cref="WalkTime"/>: walking the objects (and writing them into the buffers).</summary>
    public TimeSpan ObjectsTime { get; init; }

    /// <summary>Of <see cref="WalkTime"/>: the roots, static fields and dependent handles.</summary>
    public TimeSpan RootsTime { get; init; }

    /// <summary>Time the writer's second thread spent hashing and writing (overlapping the walk).</summary>
    public TimeSpan WriteTime { get; init; }

    /// <summary>Time the walk waited for that thread (part of <see cref="WalkTime"/>).</summary>
    public TimeSpan WriteWaitTime { get; init; }

    /// <summary>The steps as one line for <c>--stats</c>.</summary>
    public string PhasesText() =>
        $"createdump {DumpTime.TotalSeconds:F2} s, open {(AttachTime - DumpTime).TotalSeconds:F2} s, objects {ObjectsTime.TotalSeconds:F2} s, "
        + $"roots {RootsTime.TotalSeconds:F2} s, write {WriteTime.TotalSeconds:F2} s on a second thread (the walk waited {WriteWaitTime.TotalSeconds:F2} s for it); "
        + $"{Objects / Math.Max(1e-9, (AttachTime + WalkTime).TotalSeconds) / 1e6:F2} M objects/s";

    private string ModeText => Mode switch
    {
        HeapCaptureMode.InPlace => "read in place, ",
        HeapCaptureMode.ThroughDump => "read through createdump, ",
        _ => "",
    };

    public string ToText() =>
        $"wrote {Path}: {Objects:N0} objects ({TotalObjectBytes:N0} bytes), {References:N0} references, "
        + $"{Types:N0} types, {Roots:N0} roots; file {FileBytes:N0} bytes; {ModeText}attach {AttachTime.TotalSeconds:F2} s, walk+write {WalkTime.TotalSeconds:F2} s";
}
