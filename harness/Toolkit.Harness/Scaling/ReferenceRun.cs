namespace Toolkit.Harness.Scaling;

/// <summary>
/// The committed reference run in results/ and the local runs beside it. <c>toolkit scale</c> writes to
/// a new folder under <see cref="LocalDirectory"/> (git-ignored) unless told otherwise; only
/// <c>toolkit scale --reference</c>, run from the repository root, rewrites results/, with the
/// presets below (each overridable by its own option).
/// </summary>
public static class ReferenceRun
{
    /// <summary>The folder of the committed reference run, relative to the repository root.</summary>
    public const string Directory = "results";

    /// <summary>Where runs go by default: results/local/&lt;UTC time&gt;/, ignored by git.</summary>
    public const string LocalDirectory = "results/local";

    /// <summary>The file that marks the repository root (the reference run must be written there).</summary>
    public const string RootMarker = "Toolkit.sln";

    /// <summary>The reference sizes: 1k, 10k and 100k sources (add 1M with --sources 1k,10k,100k,1M).</summary>
    public static IReadOnlyList<int> Sources { get; } = [1_000, 10_000, 100_000];

    /// <summary>At 1M sources only baseline and the combined profile are measured: each other variant would add hours.</summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<string>> VariantsAt { get; } = new Dictionary<int, IReadOnlyList<string>>
    {
        [1_000_000] = ["baseline", "optimized"],
    };

    /// <summary>
    /// SCons is measured up to 10k sources and make up to 100k: SCons's full build at 100k takes about
    /// ten minutes and make's and SCons's at 1M an hour or more each, six times over. Ninja and samurai
    /// run at every size.
    /// </summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<string>> PeersAt { get; } = new Dictionary<int, IReadOnlyList<string>>
    {
        [100_000] = ["make", "ninja", "samurai"],
        [1_000_000] = ["ninja", "samurai"],
    };

    /// <summary>The default output folder of a run started at <paramref name="utcNow"/>: results/local/yyyyMMdd-HHmmss.</summary>
    public static string LocalRunDirectory(DateTime utcNow) =>
        Path.Join(LocalDirectory, utcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
}
