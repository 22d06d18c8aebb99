namespace Toolkit.Harness.Reporting.Statistics;

/// <summary>
/// SplitMix64, a tiny pseudo-random generator whose sequence is fixed by its definition, so a
/// bootstrap with the same seed gives the same interval on every machine and .NET version
/// (<see cref="Random"/> does not promise that).
/// </summary>
public sealed class SplitMix64
{
    private ulong _state;

    /// <summary>Creates the generator at <paramref name="seed"/>.</summary>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, <paramref name="bound"/>) (Lemire's multiply-shift; bias below 2^-32).</summary>
    public int NextIndex(int bound) => (int)(((Next() >> 32) * (ulong)bound) >> 32);
}
