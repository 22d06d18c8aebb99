using System.Runtime;
using Toolkit.Harness.Results;

namespace Toolkit.Harness.Measuring;

/// <summary>
/// Reads the GC's own account of its heap (<see cref="GC.GetGCMemoryInfo()"/>) for a results file:
/// what the last collection left (heap size, free space, committed memory, per generation). Read it
/// before any forced collection, so it shows the program's own collections rather than the measurer's.
/// </summary>
public static class GcProbe
{
    private static readonly string[] GenerationNames = ["gen0", "gen1", "gen2", "loh", "poh"];

    /// <summary>Collections of every generation so far (a gen-2 collection counts in 0, 1 and 2; gen 0's count is all of them).</summary>
    public static int Collections() => GC.CollectionCount(0);

    /// <summary>The last collection's account, with <paramref name="collectionsBefore"/> (from <see cref="Collections"/>) marking the phase's start.</summary>
    public static GcSnapshot Snapshot(int collectionsBefore)
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        var generations = new List<GenerationSnapshot>(GenerationNames.Length);
        var infos = info.GenerationInfo;
        for (var i = 0; i < infos.Length && i < GenerationNames.Length; i++)
        {
            var g = infos[i];
            generations.Add(new GenerationSnapshot(GenerationNames[i], g.SizeBeforeBytes, g.SizeAfterBytes, g.FragmentationBeforeBytes, g.FragmentationAfterBytes));
        }

        return new GcSnapshot(
            info.Index,
            info.Generation,
            Collections() - collectionsBefore,
            info.HeapSizeBytes,
            info.FragmentedBytes,
            info.TotalCommittedBytes,
            info.PromotedBytes,
            generations,
            GC.GetTotalMemory(forceFullCollection: false),
            ProcessMemory.ResidentBytes(),
            ProcessMemory.PeakResidentBytes());
    }

    /// <summary>The GC configuration of this process, in words.</summary>
    public static string Mode()
    {
        var conserve = AppContext.GetData("GCConserveMemory") ?? Environment.GetEnvironmentVariable("DOTNET_GCConserveMemory") ?? "0";
        var gen0 = Environment.GetEnvironmentVariable("DOTNET_GCgen0size");
        return $"{(GCSettings.IsServerGC ? "server" : "workstation")}, {(GCSettings.LatencyMode == GCLatencyMode.Batch ? "non-concurrent" : "concurrent")}, conserve memory {conserve}"
            + (gen0 is null ? string.Empty : $", gen0 size {gen0}");
    }
}
