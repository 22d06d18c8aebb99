namespace Toolkit.Harness.Results;

/// <summary>One generation of a <see cref="GcSnapshot"/> (<see cref="GCGenerationInfo"/>).</summary>
/// <param name="Name">"gen0", "gen1", "gen2", "loh" or "poh".</param>
/// <param name="SizeBeforeBytes">Its size when the collection began.</param>
/// <param name="SizeAfterBytes">Its size when it ended.</param>
/// <param name="FragmentationBeforeBytes">Free space in it when the collection began.</param>
/// <param name="FragmentationAfterBytes">Free space in it when it ended.</param>
public sealed record GenerationSnapshot(string Name, long SizeBeforeBytes, long SizeAfterBytes, long FragmentationBeforeBytes, long FragmentationAfterBytes);
