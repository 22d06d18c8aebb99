using System.Diagnostics;
using Microsoft.Diagnostics.Runtime;
using Toolkit.Introspection.Heap;

namespace Toolkit.Introspection.Tests.Heap;

/// <summary>
/// The heap target in "mixed" mode (collections, finalizable objects live, ready and dead, garbage), dumped once with createdump;
/// the heap file is captured from that dump, and ClrMD's own view of the same dump is kept beside it: per type, all objects and
/// those reachable from ClrMD's roots (plus the frozen heap), the finalizer roots, and each dictionary's entry count.
/// </summary>
public sealed class MixedHeapFixture : IDisposable
{
    public MixedHeapFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("heap-mixed-");
        DumpPath = Path.Combine(Directory.FullName, "mixed.core");
        using (var target = new HeapTargetProcess("mixed"))
        {
            WriteDump(target.Id, DumpPath);
        }
        FilePath = Path.Combine(Directory.FullName, "mixed.heap");
        Capture = HeapSnapshot.CaptureDump(DumpPath, FilePath);
        Graph = HeapGraph.Load(FilePath);
        ReadClrMdView();
    }

    public DirectoryInfo Directory { get; }

    public string DumpPath { get; }

    public string FilePath { get; }

    public HeapCaptureResult Capture { get; }

    public HeapGraph Graph { get; }

    /// <summary>ClrMD: per type name, (count, bytes) of every object.</summary>
    public Dictionary<string, (long Count, long Bytes)> AllByType { get; } = new(StringComparer.Ordinal);

    /// <summary>ClrMD: per type name, (count, bytes) of the objects reachable from its roots or on the frozen heap.</summary>
    public Dictionary<string, (long Count, long Bytes)> LiveByType { get; } = new(StringComparer.Ordinal);

    /// <summary>ClrMD: the objects its finalizer roots hold.</summary>
    public HashSet<ulong> FinalizerRootObjects { get; } = [];

    /// <summary>ClrMD: entries (_count - _freeCount) of each Dictionary, by address.</summary>
    public Dictionary<ulong, int> DictionaryCounts { get; } = [];

    public int[] OfType(string name) => Enumerable.Range(0, Graph.ObjectCount).Where(id => Graph.TypeOf(id).Name == name).ToArray();

    public void Dispose() => Directory.Delete(recursive: true);

    private void ReadClrMdView()
    {
        using var dataTarget = DataTarget.LoadDump(DumpPath);
        using var runtime = HeapSnapshot.CreateRuntime(dataTarget.ClrVersions[0]);
        var heap = runtime.Heap;
        var live = new HashSet<ulong>();
        var stack = new Stack<ulong>();
        foreach (var segment in heap.Segments)
        {
            foreach (var obj in segment.EnumerateObjects())
            {
                if (obj.Type is null || obj.IsFree)
                {
                    continue;
                }
                Add(AllByType, obj);
                if (segment.Kind == GCSegmentKind.Frozen && live.Add(obj.Address))
                {
                    stack.Push(obj.Address);
                }
                if (obj.Type.Name?.StartsWith("System.Collections.Generic.Dictionary<", StringComparison.Ordinal) == true && !obj.Type.IsArray && !obj.Type.Name.Contains('+'))
                {
                    DictionaryCounts[obj.Address] = obj.ReadField<int>("_count") - obj.ReadField<int>("_freeCount");
                }
            }
        }
        foreach (var root in heap.EnumerateRoots())
        {
            if (root.Object.Address != 0 && live.Add(root.Object.Address))
            {
                stack.Push(root.Object.Address);
            }
        }
        foreach (var root in heap.EnumerateFinalizerRoots())
        {
            FinalizerRootObjects.Add(root.Object.Address);
        }
        while (stack.Count > 0)
        {
            foreach (ulong child in heap.GetObject(stack.Pop()).EnumerateReferenceAddresses(carefully: false, considerDependantHandles: true))
            {
                if (child != 0 && live.Add(child))
                {
                    stack.Push(child);
                }
            }
        }
        foreach (ulong address in live)
        {
            var obj = heap.GetObject(address);
            if (obj.Type is not null && !obj.IsFree)
            {
                Add(LiveByType, obj);
            }
        }
    }

    private static void Add(Dictionary<string, (long Count, long Bytes)> table, ClrObject obj)
    {
        string name = obj.Type!.Name ?? $"<unknown type 0x{obj.Type.MethodTable:x}>";
        var e = table.GetValueOrDefault(name);
        table[name] = (e.Count + 1, e.Bytes + (long)obj.Size);
    }

    /// <summary>Writes a dump with the heap of <paramref name="pid"/> with the runtime's createdump.</summary>
    public static void WriteDump(int pid, string path)
    {
        string createdump = Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, OperatingSystem.IsWindows() ? "createdump.exe" : "createdump");
        var start = new ProcessStartInfo(createdump) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--withheap");
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add(path);
        start.ArgumentList.Add(pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0 && File.Exists(path), $"createdump failed: {output}");
    }
}
