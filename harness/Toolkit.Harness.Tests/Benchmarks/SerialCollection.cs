namespace Toolkit.Harness.Tests.Benchmarks;

/// <summary>
/// Tests that measure the live heap of this process: they run alone, after the parallel tests,
/// because other tests allocating and freeing at the same time would change the difference.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "heap-measuring";
}
