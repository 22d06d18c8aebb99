namespace Toolkit.Optimizations.Tests.Conformance;

/// <summary>
/// A project the conformance suite builds with every variant: its files (the manifest among them, as
/// "toolkit.manifest"), the header and the source its edit steps change, and how a source is added.
/// </summary>
internal sealed record ConformanceProject(string Name, IReadOnlyDictionary<string, byte[]> Tree, string Header, string Source, Action<ConformanceRun> AddSource);
