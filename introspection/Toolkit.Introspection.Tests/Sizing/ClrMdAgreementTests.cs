using System.Globalization;
using Microsoft.Diagnostics.Runtime;

namespace Toolkit.Introspection.Tests.Sizing;

/// <summary>
/// The sizer's view of a live process agrees with the runtime's own view as ClrMD reads it from a
/// snapshot of that process: every object reachable from the target's root, its size, and the deep
/// size and object count of every root element.
/// </summary>
[Collection(ProcessCaptureCollection.Name)]
public sealed class ClrMdAgreementTests
{
    [Fact]
    public void Every_object_reachable_from_the_root_has_the_size_ClrMD_reports_and_deep_sizes_agree()
    {
        using var target = new SizerTargetProcess();
        var lines = target.Lines;
        Assert.Equal("NOGC 1", lines[0]);
        string[] rootLine = lines[1].Split(' ');
        ulong rootAddress = ulong.Parse(rootLine[1], CultureInfo.InvariantCulture);
        int rootLength = int.Parse(rootLine[2], CultureInfo.InvariantCulture);
        var perRoot = lines.Where(l => l.StartsWith("R ", StringComparison.Ordinal)).Select(l => l.Split(' ')).ToList();
        var sizerObjects = lines.Where(l => l.StartsWith("O ", StringComparison.Ordinal))
            .Select(l => l.Split(' '))
            .ToDictionary(p => ulong.Parse(p[1], CultureInfo.InvariantCulture), p => (Shallow: ulong.Parse(p[2], CultureInfo.InvariantCulture), Raw: ulong.Parse(p[3], CultureInfo.InvariantCulture)));
        Assert.Equal(rootLength, perRoot.Count);
        Assert.True(sizerObjects.Count > 100, $"the target reported only {sizerObjects.Count} objects");

        // A snapshot (the runtime's createdump) rather than a live attach: both work here (root, ptrace
        // allowed), but the snapshot does not stop the target and leaves nothing attached if the test fails.
        using DataTarget dataTarget = DataTarget.CreateSnapshotAndAttach(target.Pid);
        using ClrRuntime runtime = Toolkit.Introspection.Heap.HeapSnapshot.CreateRuntime(dataTarget.ClrVersions.Single());
        ClrHeap heap = runtime.Heap;
        ClrObject root = heap.GetObject(rootAddress);
        Assert.True(root.IsValid && root.IsArray, $"no object[] at the root address {rootAddress:x}");
        Assert.Equal(rootLength, root.AsArray().Length);

        // Every object the sizer counted exists in the snapshot with the same size: ClrMD 2.x reports the
        // size before the GC's pointer alignment, so the sizer's unaligned size must equal it exactly and
        // its shallow (heap) size must equal it aligned.
        var mismatches = new List<string>();
        foreach (var (address, size) in sizerObjects)
        {
            ClrObject o = heap.GetObject(address);
            if (!o.IsValid || o.Size != size.Raw || Align(o.Size) != size.Shallow)
            {
                mismatches.Add($"{address:x} {o.Type?.Name}: sizer {size.Shallow} ({size.Raw} unaligned), ClrMD {(o.IsValid ? o.Size : 0)}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));

        // ClrMD's reachable set from the root is exactly the sizer's.
        var (clrBytes, clrCount, clrSet) = Reach(root);
        Assert.Equal(clrSet.Count, sizerObjects.Count);
        Assert.All(clrSet, a => Assert.True(sizerObjects.ContainsKey(a), $"ClrMD reaches {a:x} ({heap.GetObject(a).Type?.Name}); the sizer did not"));

        // Per root element: shallow, deep bytes and object count.
        ClrArray array = root.AsArray();
        for (int i = 0; i < rootLength; i++)
        {
            ClrObject element = array.GetObjectValue(i);
            var (bytes, count, _) = Reach(element);
            string[] r = perRoot[i];
            string what = $"root[{i}] {r[5]}";
            Assert.True(Align(element.Size) == ulong.Parse(r[2], CultureInfo.InvariantCulture), $"{what}: shallow sizer {r[2]}, ClrMD {element.Size}");
            Assert.True(bytes == ulong.Parse(r[3], CultureInfo.InvariantCulture), $"{what}: deep sizer {r[3]}, ClrMD {bytes}");
            Assert.True(count == ulong.Parse(r[4], CultureInfo.InvariantCulture), $"{what}: objects sizer {r[4]}, ClrMD {count}");
        }

        Assert.Contains(lines, l => l == $"DEEP {clrBytes} {clrCount}");

        // Field offsets from TypeLayout (counted from the start of the instance data) match ClrMD's.
        var layoutLines = lines.Where(l => l.StartsWith("F ", StringComparison.Ordinal)).Select(l => l.Split(' ')).ToList();
        Assert.True(layoutLines.Count > 20, $"the target printed only {layoutLines.Count} field layouts");
        foreach (var f in layoutLines)
        {
            ClrObject element = array.GetObjectValue(int.Parse(f[1], CultureInfo.InvariantCulture));
            ClrInstanceField? field = element.Type!.Fields.SingleOrDefault(x => x.Name == f[2]);
            Assert.True(field is not null, $"ClrMD has no field {f[2]} on {element.Type.Name}");
            Assert.True(field.Offset == int.Parse(f[3], CultureInfo.InvariantCulture), $"{element.Type.Name}.{f[2]}: TypeLayout {f[3]}, ClrMD {field.Offset}");
        }
    }

    private static ulong Align(ulong size) => (size + (ulong)IntPtr.Size - 1) & ~((ulong)IntPtr.Size - 1);

    private static (ulong Bytes, ulong Count, HashSet<ulong> Seen) Reach(ClrObject start)
    {
        var seen = new HashSet<ulong> { start.Address };
        var queue = new Queue<ClrObject>([start]);
        ulong bytes = 0;
        while (queue.Count > 0)
        {
            ClrObject o = queue.Dequeue();
            bytes += Align(o.Size);
            foreach (ClrObject child in o.EnumerateReferences(carefully: false, considerDependantHandles: false))
            {
                if (child.Address != 0 && seen.Add(child.Address))
                {
                    queue.Enqueue(child);
                }
            }
        }

        return (bytes, (ulong)seen.Count, seen);
    }
}
