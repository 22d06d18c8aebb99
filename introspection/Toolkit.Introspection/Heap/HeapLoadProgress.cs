namespace Toolkit.Introspection.Heap;

/// <summary>Progress of loading a heap file: the phase, and how far it is.</summary>
public readonly record struct HeapLoadProgress(string Phase, long Done, long Total);
