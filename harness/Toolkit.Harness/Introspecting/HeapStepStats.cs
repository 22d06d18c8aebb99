using System.Diagnostics;
using Toolkit.Introspection.Heap;

namespace Toolkit.Harness.Introspecting;

/// <summary>
/// <c>--stats</c> of the heap verbs: after each step (load, reduce, the query), one line on stderr with the step's wall time and CPU
/// time (user+sys of all threads: wall time depends on the machine's load, CPU time much less), the
/// process's peak and current RSS (VmHWM, VmRSS), the managed heap, and the graph's own bytes by part, each also per object.
/// Off by default; when on it costs one read of /proc/self/status per step.
/// </summary>
public sealed class HeapStepStats(bool enabled)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Runs <paramref name="step"/> and, when enabled, prints its line for <paramref name="graph"/> (the graph it made or used).</summary>
    public T Step<T>(string name, Func<T> step, Func<T, HeapGraph?> graph)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(graph);
        _clock.Restart();
        var cpu = enabled ? ProcessCpu() : TimeSpan.Zero;
        var result = step();
        if (enabled)
        {
            Print(name, _clock.Elapsed, ProcessCpu() - cpu, graph(result));
        }

        return result;
    }

    private static TimeSpan ProcessCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static void Print(string name, TimeSpan elapsed, TimeSpan cpu, HeapGraph? graph)
    {
        var (peak, rss) = ProcessMemory();
        long objects = Math.Max(1, graph?.ObjectCount ?? 1);
        var memory = graph?.Memory();
        var text = $"toolkit: stats: {name} {elapsed.TotalSeconds:F2} s, cpu {cpu.TotalSeconds:F2} s; peak RSS {peak / 1048576.0:N0} MiB ({(double)peak / objects:F1} B/object), RSS {rss / 1048576.0:N0} MiB, "
            + $"managed heap {GC.GetTotalMemory(false) / 1048576.0:N0} MiB";
        if (memory is not null)
        {
            text += $"; graph {memory.ToText()}";
        }

        Console.Error.WriteLine(text);
    }

    /// <summary>VmHWM and VmRSS in bytes (0 where /proc is absent).</summary>
    public static (long Peak, long Current) ProcessMemory()
    {
        long peak = 0;
        long current = 0;
        if (!File.Exists("/proc/self/status"))
        {
            return (0, 0);
        }

        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line);
            }
            else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                current = Kilobytes(line);
            }
        }

        return (peak, current);
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
}
