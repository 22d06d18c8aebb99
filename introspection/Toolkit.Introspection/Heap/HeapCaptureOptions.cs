namespace Toolkit.Introspection.Heap;

/// <summary>What a heap capture records. String contents are the sensitive part of a heap file:
/// <see cref="RecordStringContents"/> false keeps only their lengths.</summary>
public sealed record HeapCaptureOptions
{
    /// <summary>Record the characters of strings (cut at <see cref="MaxStringChars"/>); false records lengths only.</summary>
    public bool RecordStringContents { get; init; } = true;

    /// <summary>For another process: false (default) has createdump write a snapshot (the process pauses
    /// for the seconds the dump takes; the dump is read and deleted); true attaches and reads the
    /// live process while it stays suspended for the whole walk: no dump on disk and less than half the
    /// CPU (30M objects: 4.7 s against 9.0 s, docs/heap-analysis.md), but ClrMD's ptrace attach was once
    /// seen to deadlock on a loaded machine, which is why it is not the default.</summary>
    public bool SuspendInPlace { get; init; }

    /// <summary>Longest prefix of a string recorded, in UTF-16 chars.</summary>
    public int MaxStringChars { get; init; } = HeapFileFormat.DefaultMaxStringChars;
}
