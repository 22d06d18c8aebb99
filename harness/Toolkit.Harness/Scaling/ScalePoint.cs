using Toolkit.Harness.Measuring;

namespace Toolkit.Harness.Scaling;

/// <summary>
/// One project a scale run measures and the tools measured on it: an ordinary size, or the
/// large-files point (the smallest size plus K files of 8 MiB, where only the variants that differ
/// in hashing, and baseline, run).
/// </summary>
/// <param name="Sources">The project's size.</param>
/// <param name="LargeFiles">Its large files; 0 for an ordinary size.</param>
/// <param name="Project">The generated project.</param>
/// <param name="Tree">Its outputs, for cleaning between measurements.</param>
/// <param name="Tools">The tools that run here, in their canonical order (variants, then peers).</param>
/// <param name="Skipped">The peers that cannot run here, with the reason.</param>
/// <param name="Imported">For the point of an imported project (--project), what its copy left out; null for a generated size.</param>
public sealed record ScalePoint(int Sources, int LargeFiles, CachedProject Project, BuildTree Tree, IReadOnlyList<MeasuredTool> Tools, IReadOnlyList<(PeerTool Tool, string Reason)> Skipped, ImportedPoint? Imported = null)
{
    /// <summary>How progress lines name the point.</summary>
    public string Label => Imported is not null ? $"the imported project ({Sources:N0} sources)" : LargeFiles > 0 ? $"{Sources:N0} sources + {LargeFiles} large files" : $"{Sources:N0} sources";
}
