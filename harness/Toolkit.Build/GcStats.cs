using System.Globalization;
using System.Runtime;

namespace Toolkit.Build;

/// <summary>
/// The collector's figures of this process in one line, for finding where a whole process's peak goes
/// (docs/measuring.md, "GC settings"): collections by generation, bytes allocated, the last collection's heap,
/// committed and fragmented bytes and each generation's size, and the GC mode. Printed by <c>TOOLKIT_GC_STATS=1</c>.
/// </summary>
public static class GcStats
{
    /// <summary>The line.</summary>
    public static string Describe()
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        var c = CultureInfo.InvariantCulture;
        var generations = string.Join(" ", info.GenerationInfo.ToArray().Select((g, i) =>
            string.Create(c, $"gen{i}={g.SizeAfterBytes / 1024}K(before {g.SizeBeforeBytes / 1024}K)")));
        return string.Create(c,
            $"gc: collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} allocated {GC.GetTotalAllocatedBytes() / 1024}K " +
            $"heap {info.HeapSizeBytes / 1024}K committed {info.TotalCommittedBytes / 1024}K fragmented {info.FragmentedBytes / 1024}K " +
            $"total-memory {GC.GetTotalMemory(false) / 1024}K {generations} server {GCSettings.IsServerGC} latency {GCSettings.LatencyMode} " +
            $"{Setting("GCGen0MaxBudget")} {Setting("GCConserveMem")}");
    }

    /// <summary>One of the collector's settings as it runs with them (<see cref="GC.GetConfigurationVariables"/>): <c>NAME=VALUE</c>, or <c>NAME=-</c> when it does not say.</summary>
    public static string Setting(string name) =>
        string.Create(CultureInfo.InvariantCulture, $"{name}={(GC.GetConfigurationVariables().TryGetValue(name, out var value) ? value : "-")}");
}
