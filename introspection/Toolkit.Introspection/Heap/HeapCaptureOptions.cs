namespace Toolkit.Introspection.Heap;

/// <summary>What a heap capture records. String contents are the sensitive part of a heap file:
/// <see cref="RecordStringContents"/> false keeps only their lengths.</summary>
public sealed record HeapCaptureOptions
{
    /// <summary>Record the characters of strings (cut at <see cref="MaxStringChars"/>); false records lengths only.</summary>
    public bool RecordStringContents { get; init; } = true;

    /// <summary>For another process: false (default) has createdump write a snapshot (the process pauses
    /// for the seconds the dump takes; the dump is read and deleted); true attaches and reads the
    /// live process while it stays suspended: no dump on disk, but about ten times slower.</summary>
    public bool SuspendInPlace { get; init; }

    /// <summary>Longest prefix of a string recorded, in UTF-16 chars.</summary>
    public int MaxStringChars { get; init; } = HeapFileFormat.DefaultMaxStringChars;
}
