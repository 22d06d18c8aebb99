using System.Diagnostics;
using Toolkit.Harness.Results;

namespace Toolkit.Harness.Measuring;

/// <summary>
/// What one phase of a footprint measurement (load, build) allocated, collected, paused and took, and the
/// GC's account of the heap at its end (read before any measuring collection).
/// </summary>
internal sealed class PhaseCounters
{
    private long _allocated;
    private int _gen0;
    private int _gen1;
    private int _gen2;
    private TimeSpan _pause;
    private int _collections;
    private Stopwatch _clock = null!;

    public long Allocated { get; private set; }

    public int Gen0 { get; private set; }

    public int Gen1 { get; private set; }

    public int Gen2 { get; private set; }

    public TimeSpan Pause { get; private set; }

    public double Seconds { get; private set; }

    public GcSnapshot Gc { get; private set; } = null!;

    public static PhaseCounters Start()
    {
        var phase = new PhaseCounters
        {
            _allocated = GC.GetTotalAllocatedBytes(precise: true),
            _gen0 = GC.CollectionCount(0),
            _gen1 = GC.CollectionCount(1),
            _gen2 = GC.CollectionCount(2),
            _pause = GC.GetTotalPauseDuration(),
            _collections = GcProbe.Collections(),
        };
        phase._clock = Stopwatch.StartNew();
        return phase;
    }

    /// <summary>Ends the phase: reads the counters before any measuring collection.</summary>
    public void Stop()
    {
        Seconds = _clock.Elapsed.TotalSeconds;
        Allocated = GC.GetTotalAllocatedBytes(precise: true) - _allocated;
        Gen0 = GC.CollectionCount(0) - _gen0;
        Gen1 = GC.CollectionCount(1) - _gen1;
        Gen2 = GC.CollectionCount(2) - _gen2;
        Pause = GC.GetTotalPauseDuration() - _pause;
        Gc = GcProbe.Snapshot(_collections);
    }
}
