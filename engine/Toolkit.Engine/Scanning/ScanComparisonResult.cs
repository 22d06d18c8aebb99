namespace Toolkit.Engine.Scanning;

/// <summary>
/// The figures of a <see cref="ScanComparison"/>: per file and in total, how the scanner's headers
/// compare with <c>gcc -MM</c>'s. Precision is common edges over the scanner's edges, recall common
/// edges over gcc's, both summed over the files gcc could compile; a miss is a header gcc lists that the
/// scanner does not, explained when the file reaches a computed <c>#include MACRO</c>.
/// </summary>
public sealed class ScanComparisonResult
{
    /// <summary>Creates the figures.</summary>
    public ScanComparisonResult(ScanMode mode, IReadOnlyList<FileComparison> files, TimeSpan scanTime, TimeSpan gccTime, bool compared, IReadOnlyList<string> warnings)
    {
        Mode = mode;
        Files = files;
        ScanTime = scanTime;
        GccTime = gccTime;
        WasCompared = compared;
        Warnings = warnings;
        var both = files.Where(file => file.Gcc is not null && file.ScanError is null).ToList();
        Compared = both.Count;
        SameSet = both.Count(file => file.SameSet);
        SameOrder = both.Count(file => file.SameOrder);
        OurEdges = both.Sum(file => (long)file.Ours.Count);
        GccEdges = both.Sum(file => (long)file.Gcc!.Count);
        MissedEdges = both.Sum(file => (long)file.Missed.Count());
        MissedUnexplained = both.Where(file => !file.HasComputedInclude || Mode == ScanMode.Exact).Sum(file => (long)file.Missed.Count());
        CommonEdges = GccEdges - MissedEdges;
    }

    /// <summary>The scanner's mode.</summary>
    public ScanMode Mode { get; }

    /// <summary>Every source, in the order of the compile commands.</summary>
    public IReadOnlyList<FileComparison> Files { get; }

    /// <summary>The scanner's wall time for all files.</summary>
    public TimeSpan ScanTime { get; }

    /// <summary>gcc's wall time for all files (zero when not compared).</summary>
    public TimeSpan GccTime { get; }

    /// <summary>True when gcc was run.</summary>
    public bool WasCompared { get; }

    /// <summary>The scanner's warnings.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Files both sides scanned.</summary>
    public int Compared { get; }

    /// <summary>Files whose header sets are equal.</summary>
    public int SameSet { get; }

    /// <summary>Files whose header lists are equal in order too.</summary>
    public int SameOrder { get; }

    /// <summary>Headers listed by the scanner, summed over compared files.</summary>
    public long OurEdges { get; }

    /// <summary>Headers listed by gcc, summed over compared files.</summary>
    public long GccEdges { get; }

    /// <summary>Headers both list.</summary>
    public long CommonEdges { get; }

    /// <summary>Headers gcc lists and the scanner does not.</summary>
    public long MissedEdges { get; }

    /// <summary>Missed headers in files that reach no computed include (exact mode: every miss).</summary>
    public long MissedUnexplained { get; }

    /// <summary>Common over the scanner's edges (1 when it lists none).</summary>
    public double Precision => OurEdges == 0 ? 1 : (double)CommonEdges / OurEdges;

    /// <summary>Common over gcc's edges (1 when gcc lists none).</summary>
    public double Recall => GccEdges == 0 ? 1 : (double)CommonEdges / GccEdges;

    /// <summary>Files gcc could not preprocess.</summary>
    public int GccFailed => Files.Count(file => file.GccError is not null);
}
