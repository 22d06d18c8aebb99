namespace Toolkit.Introspection.Heap;

/// <summary>What a heap capture records. String contents are the sensitive part of a heap file:
/// <see cref="RecordStringContents"/> false keeps only their lengths.</summary>
public sealed record HeapCaptureOptions
{
    /// <summary>Record the characters of strings (cut at <see cref="MaxStringChars"/>); false records lengths only.</summary>
    public bool RecordStringContents { get; init; } = true;

    /// <summary>For another process: in place or through a createdump snapshot (<see cref="HeapCaptureMode"/>
    /// says what each costs). The default, <see cref="HeapCaptureMode.Auto"/>, reads in place unless the process
    /// is a child of this one.</summary>
    public HeapCaptureMode Mode { get; init; }

    /// <summary>In place: how long the attach (stopping every thread of the process) may take before the capture
    /// gives up with an error. It takes 0.2-0.6 s; a thread that never stops for ptrace would otherwise hang the
    /// capture for ever. The attaching thread stays blocked after the error, and the process stays stopped until
    /// the capturing process exits (the kernel then detaches it), which the CLI does at once.</summary>
    public TimeSpan AttachTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Stops a capture (<see cref="OperationCanceledException"/>): checked while createdump runs, while the attach is
    /// awaited and at each segment of the walk (GC regions are 4 MiB, so within milliseconds). What an unfinished capture leaves:
    /// nothing (the heap file's temporary and the dump are deleted; an attached process is let go).</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>For tests: called once the process or dump is open, before the walk (to end the process there, say).</summary>
    internal Action? BeforeWalk { get; init; }

    /// <summary>Longest prefix of a string recorded, in UTF-16 chars.</summary>
    public int MaxStringChars { get; init; } = HeapFileFormat.DefaultMaxStringChars;
}
