namespace Toolkit.Introspection.Heap;

/// <summary>What a heap file says about its capture: where it came from, when, and what was recorded.</summary>
public sealed record HeapFileHeader(
    int Version,
    bool StringContents,
    int MaxStringChars,
    int PointerSize,
    string Source,
    int ProcessId,
    DateTime CapturedUtc,
    string RuntimeVersion);
