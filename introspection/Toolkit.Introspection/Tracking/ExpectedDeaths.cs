using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Toolkit.Introspection.Heap;

namespace Toolkit.Introspection.Tracking;

/// <summary>
/// The objects a program expects to be dead, through weak handles (nothing is kept alive): 8 bytes of handle and a label per object.
/// A check runs two full blocking collections around the finalizers, then, for the survivors, captures this process's heap with the
/// survivors held by <see cref="ExpectDeadProbe"/> and searches each one's shortest paths from the roots in that snapshot, avoiding the
/// probe. Not thread-safe: <see cref="ClassTracker"/> serializes the calls.
/// </summary>
internal sealed class ExpectedDeaths : IDisposable
{
    private readonly List<(GCHandle Handle, string Label, string Type)> _items = [];

    public int Count => _items.Count;

    public void Add(object o, string? label)
    {
        var type = TypeNames.Friendly(o.GetType());
        _items.Add((GCHandle.Alloc(o, GCHandleType.Weak), label ?? $"#{_items.Count + 1} ({type})", type));
    }

    public ExpectDeadReport Check(ExpectDeadOptions options)
    {
        for (int i = 0; i < 2; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        var alive = Alive();
        if (alive.Count == 0 || !options.Paths)
        {
            return new ExpectDeadReport(_items.Count, _items.Count - alive.Count, [.. alive.Select(i => Survivor(i, "", []))], TimeSpan.Zero,
                options.Paths ? null : "not asked for");
        }
        var clock = Stopwatch.StartNew();
        string file = options.HeapFilePath ?? Path.Combine(Path.GetTempPath(), $"toolkit-expect-dead-{Environment.ProcessId}-{Guid.NewGuid():N}.heap");
        try
        {
            var held = Hold(alive);
            try
            {
                HeapSnapshot.CaptureSelf(file, new HeapCaptureOptions { MaxStringChars = 80 });
            }
            finally
            {
                ExpectDeadProbe.Survivors = null;
            }
            var survivors = Explain(HeapGraph.Load(file), held, options.MaxPaths, options.MaxExplained);
            return new ExpectDeadReport(_items.Count, _items.Count - held.Count, survivors, clock.Elapsed, null);
        }
        catch (Exception e) when (e is HeapCaptureException or HeapFormatException or IOException or UnauthorizedAccessException)
        {
            return new ExpectDeadReport(_items.Count, _items.Count - alive.Count, [.. alive.Select(i => Survivor(i, "", []))], clock.Elapsed, e.Message);
        }
        finally
        {
            if (options.HeapFilePath is null)
            {
                File.Delete(file);
            }
        }
    }

    public void Dispose()
    {
        foreach (var item in _items)
        {
            item.Handle.Free();
        }
        _items.Clear();
    }

    // Indices only: no survivor reference stays in this frame or the caller's while the heap is captured.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private List<int> Alive() => [.. Enumerable.Range(0, _items.Count).Where(i => _items[i].Handle.Target is not null)];

    // Puts the survivors in the probe, in order, and returns which ones (one may have died since Alive looked).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private List<int> Hold(List<int> alive)
    {
        var targets = new List<object>(alive.Count);
        var held = new List<int>(alive.Count);
        foreach (int i in alive)
        {
            if (_items[i].Handle.Target is { } target)
            {
                targets.Add(target);
                held.Add(i);
            }
        }
        ExpectDeadProbe.Survivors = [.. targets];
        return held;
    }

    private List<ExpectDeadSurvivor> Explain(HeapGraph graph, List<int> held, int maxPaths, int maxExplained)
    {
        int probe = -1;
        for (int r = 0; r < graph.RootCount; r++)
        {
            if (graph.RootName(r) == ExpectDeadProbe.RootName)
            {
                probe = graph.RootObject(r);
            }
        }
        var elements = probe < 0 ? [] : graph.Children(probe);
        var survivors = new List<ExpectDeadSurvivor>(held.Count);
        for (int k = 0; k < held.Count; k++)
        {
            if (k >= elements.Length || k >= maxExplained)
            {
                survivors.Add(Survivor(held[k], "", []));
                continue;
            }
            int id = elements[k];
            var paths = HeapPaths.ToRootsAvoiding(graph.Object(id), Math.Max(1, maxPaths), probe)
                .Select(p => new HeapPath(p.Root.Kind.ToString(), p.Root.Name, [.. p.Links.Select(l => new HeapPathStep(HeapFormat.Address(l.Object.Address), l.Object.TypeName, l.Field))]))
                .ToList();
            survivors.Add(Survivor(held[k], HeapFormat.Address(graph.Address(id)), paths));
        }
        return survivors;
    }

    private ExpectDeadSurvivor Survivor(int i, string address, IReadOnlyList<HeapPath> paths) => new(_items[i].Label, _items[i].Type, address, paths);
}
