using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.Harness.Measuring;

/// <summary>A generated project ready to measure: where it is, its graph counts, and whether it was reused.</summary>
/// <param name="Directory">The project directory.</param>
/// <param name="Counts">The counts its generated.json records (or the generation just reported).</param>
/// <param name="Reused">True when an earlier generation with the same options was reused.</param>
/// <param name="GenerateSeconds">Wall time of the generation; 0 when reused.</param>
public sealed record CachedProject(string Directory, GraphCounts Counts, bool Reused, double GenerateSeconds);
