namespace Toolkit.SyntheticProjects.Generation;

/// <summary>
/// Derives independent seeds from the project seed (SplitMix64 finalizer), one per directory or
/// file, so that directories are generated in parallel and still deterministically: no choice
/// depends on the order in which threads run.
/// </summary>
internal static class SeedMixer
{
    /// <summary>Stream of the project-wide vocabulary (directory and file stems, shared headers).</summary>
    public const int ProjectStream = 1;

    /// <summary>Stream of per-directory contents.</summary>
    public const int DirectoryStream = 2;

    /// <summary>Stream of large-file contents.</summary>
    public const int LargeFileStream = 3;

    /// <summary>Stream of per-name vocabulary picks.</summary>
    public const int NameStream = 4;

    /// <summary>A non-negative seed for (seed, stream, index).</summary>
    public static int Mix(int seed, int stream, long index)
    {
        var z = ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)(uint)stream << 40) ^ (ulong)index;
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & 0x7FFF_FFFF);
    }
}
