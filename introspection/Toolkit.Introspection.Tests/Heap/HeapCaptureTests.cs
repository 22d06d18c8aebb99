using System.Diagnostics;
using Microsoft.Diagnostics.Runtime;
using Toolkit.Introspection.Heap;

namespace Toolkit.Introspection.Tests.Heap;

/// <summary>Capture modes: a createdump dump (types, sizes and references checked against ClrMD's own enumeration), this process, suspend-in-place, and the errors for bad targets.</summary>
[Collection(ProcessCaptureCollection.Name)]
public sealed class HeapCaptureTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Dump_capture_matches_ClrMD_per_type_counts_and_sizes()
    {
        string dump = _dir.File("target.core");
        using (var target = new HeapTargetProcess("shapes"))
        {
            MixedHeapFixture.WriteDump(target.Id, dump);
        }
        var result = HeapSnapshot.CaptureDump(dump, _dir.File("dump.heap"));
        var graph = HeapGraph.Load(result.Path);

        var expected = new Dictionary<string, (long Count, long Bytes)>(StringComparer.Ordinal);
        long referenceMismatches = 0;
        using (var dataTarget = DataTarget.LoadDump(dump))
        {
            using var runtime = HeapSnapshot.CreateRuntime(dataTarget.ClrVersions[0]);
            foreach (var obj in runtime.Heap.EnumerateObjects())
            {
                if (obj.Type is null || obj.IsFree)
                {
                    continue;
                }
                string name = obj.Type.Name ?? $"<unknown type 0x{obj.Type.MethodTable:x}>";
                var e = expected.GetValueOrDefault(name);
                expected[name] = (e.Count + 1, e.Bytes + (long)obj.Size);
                var clrmd = obj.EnumerateReferences(carefully: false, considerDependantHandles: true).Select(r => r.Address).Where(a => graph.FindObject(a) >= 0).Order().ToArray();
                int id = graph.FindObject(obj.Address);
                var ours = graph.Children(id).ToArray().Select(graph.Address).Order().ToArray();
                referenceMismatches += clrmd.SequenceEqual(ours) ? 0 : 1;
            }
        }
        var actual = HeapQueries.Summarize(graph).Rows.ToDictionary(r => r.Kind, r => (r.Count, r.Size));
        Assert.Equal(expected.OrderBy(kv => kv.Key, StringComparer.Ordinal), actual.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(3, actual["Toolkit.HeapTarget.ChainNode"].Count);
        Assert.Equal(0, referenceMismatches);
    }

    [Fact]
    public void Self_capture_records_string_contents_or_only_lengths()
    {
        string marker = "heap-marker-" + Guid.NewGuid().ToString("N");
        var holder = new[] { marker };
        var withText = HeapSnapshot.CaptureSelf(_dir.File("self.heap"));
        var graph = HeapGraph.Load(withText.Path);
        int found = Enumerable.Range(0, graph.ObjectCount).Single(id => graph.StringValue(id) == marker);
        Assert.Equal(marker.Length, graph.Length(found));

        var lengthsOnly = HeapSnapshot.CaptureSelf(_dir.File("self-nostrings.heap"), new HeapCaptureOptions { RecordStringContents = false });
        var bytes = File.ReadAllBytes(lengthsOnly.Path);
        Assert.Equal(-1, bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(marker)));
        var bare = HeapGraph.Load(lengthsOnly.Path);
        Assert.False(bare.Header.StringContents);
        Assert.Contains(Enumerable.Range(0, bare.ObjectCount), id => bare.TypeOf(id).IsString && bare.Length(id) == marker.Length);
        Assert.All(Enumerable.Range(0, bare.ObjectCount), id => Assert.Null(bare.StringValue(id)));
        GC.KeepAlive(holder);
    }

    [PtraceFact]
    public void Suspend_in_place_gives_the_same_shapes()
    {
        using var target = new HeapTargetProcess("shapes");
        var result = HeapSnapshot.CaptureProcess(target.Id, _dir.File("suspend.heap"), new HeapCaptureOptions { SuspendInPlace = true });
        var graph = HeapGraph.Load(result.Path);
        var rows = HeapQueries.Summarize(graph).Rows.ToDictionary(r => r.Kind);
        Assert.Equal(4 * 32, rows["Toolkit.HeapTarget.DiamondNode"].Size);
        Assert.Equal(result.Objects, graph.ObjectCount);
    }

    [Fact]
    public void Missing_process_is_a_clear_error()
    {
        int pid = 1;
        while (ProcessExists(pid) || pid == 1)
        {
            pid = Random.Shared.Next(4_000_000, int.MaxValue);
        }
        var error = Assert.Throws<HeapCaptureException>(() => HeapSnapshot.CaptureProcess(pid, _dir.File("x.heap")));
        Assert.Contains($"no process with id {pid}", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("x.heap")));
        Assert.Contains("not found", Assert.Throws<HeapCaptureException>(() => HeapSnapshot.CaptureDump(_dir.File("none.core"), _dir.File("y.heap"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_that_is_not_dotnet_is_a_clear_error()
    {
        string? shell = new[] { "/bin/sh", "/usr/bin/sh" }.FirstOrDefault(File.Exists);
        if (shell is null || OperatingSystem.IsWindows())
        {
            Console.WriteLine("skipped: no /bin/sh to run a non-.NET process");
            return;
        }
        var start = new ProcessStartInfo(shell) { RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("read line");
        using var process = Process.Start(start)!;
        try
        {
            var error = Assert.Throws<HeapCaptureException>(() => HeapSnapshot.CaptureProcess(process.Id, _dir.File("sh.heap"), new HeapCaptureOptions { SuspendInPlace = true }));
            Assert.Contains("not a .NET process", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill();
            process.WaitForExit(10_000);
        }
    }

    private static bool ProcessExists(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
