using System.Diagnostics;
using Microsoft.Diagnostics.Runtime;
using Toolkit.Introspection.Heap;

namespace Toolkit.Introspection.Tests.Heap;

/// <summary>Capture modes: a createdump dump (types, sizes and references checked against ClrMD's own enumeration), this process, in place (a process that is not a child) and through a dump (a child), and the errors for bad targets.</summary>
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

    [Fact]
    public void A_process_that_is_not_a_child_is_read_in_place_and_let_go()
    {
        using var target = DetachedHeapTarget.StartOnLinux("shapes");
        if (target is null)
        {
            return;
        }
        Assert.NotEqual(Environment.ProcessId, LinuxProcess.ParentOf(target.Id));
        var inPlace = HeapSnapshot.CaptureProcess(target.Id, _dir.File("inplace.heap"));
        Assert.Equal(HeapCaptureMode.InPlace, inPlace.Mode);
        Assert.Equal(TimeSpan.Zero, inPlace.DumpTime);
        Assert.Contains("read in place", inPlace.ToText(), StringComparison.Ordinal);

        AssertRunning(target.Id, "the capture");

        var graph = HeapGraph.Load(inPlace.Path);
        Assert.Equal(inPlace.Objects, graph.ObjectCount);
        var rows = HeapQueries.Summarize(graph).Rows.ToDictionary(r => r.Kind);
        Assert.Equal(4 * 32, rows["Toolkit.HeapTarget.DiamondNode"].Size);

        // The same shapes as through a dump of the same process.
        var dump = HeapSnapshot.CaptureProcess(target.Id, _dir.File("dump.heap"), new HeapCaptureOptions { Mode = HeapCaptureMode.ThroughDump });
        Assert.Equal(HeapCaptureMode.ThroughDump, dump.Mode);
        Assert.Equal(TargetRows(graph), TargetRows(HeapGraph.Load(dump.Path)));
    }

    [Fact]
    public void A_child_is_read_through_a_dump_and_refused_in_place()
    {
        using var target = new HeapTargetProcess("shapes");
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(Environment.ProcessId, LinuxProcess.ParentOf(target.Id));
            string refused = _dir.File("refused.heap");
            var error = Assert.Throws<HeapCaptureException>(() => HeapSnapshot.CaptureProcess(target.Id, refused, new HeapCaptureOptions { Mode = HeapCaptureMode.InPlace }));
            Assert.Contains($"process {target.Id} is a child of this process", error.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(refused));
            Assert.Equal(HeapCaptureMode.ThroughDump, HeapSnapshot.CaptureProcess(target.Id, _dir.File("child.heap")).Mode);
        }
        var self = Assert.Throws<HeapCaptureException>(() => HeapSnapshot.CaptureProcess(Environment.ProcessId, _dir.File("self.heap"), new HeapCaptureOptions { Mode = HeapCaptureMode.InPlace }));
        Assert.Contains("cannot stop itself", self.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_attach_that_does_not_finish_is_an_error_naming_the_process()
    {
        // Never disposed: the blocked attach still waits on it after the error.
        var release = new ManualResetEventSlim();
        string path = _dir.File("stuck.heap");
        var options = new HeapCaptureOptions { AttachTimeout = TimeSpan.FromMilliseconds(200) };
        var error = Assert.Throws<HeapCaptureException>(() => HeapSnapshot.CaptureOnTracerThread(
            () =>
            {
                release.Wait();
                throw new InvalidOperationException("released");
            }, "process 4242", 4242, path, options));
        Assert.Contains("process 4242: attaching in place did not finish in 0.2 s", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
        release.Set();

        var failed = Assert.Throws<HeapCaptureException>(() => HeapSnapshot.CaptureOnTracerThread(
            () => throw new InvalidOperationException("permission denied"), "process 4243", 4243, path, new HeapCaptureOptions()));
        Assert.Equal("process 4243: cannot attach or read: permission denied", failed.Message);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_cancelled_capture_leaves_no_file_and_lets_the_process_go()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var options = new HeapCaptureOptions { Cancellation = cancelled.Token };
        string folder = _dir.File("cancelled");
        Directory.CreateDirectory(folder);
        using (var child = new HeapTargetProcess("shapes"))
        {
            // Through a dump (a child): createdump is ended, its dump deleted.
            Assert.ThrowsAny<OperationCanceledException>(() => HeapSnapshot.CaptureProcess(child.Id, Path.Combine(folder, "child.heap"), options));
        }
        if (OperatingSystem.IsLinux())
        {
            // In place: the walk stops at its first check; the process is detached and runs on.
            using var target = new DetachedHeapTarget("shapes");
            Assert.ThrowsAny<OperationCanceledException>(() => HeapSnapshot.CaptureProcess(target.Id, Path.Combine(folder, "inplace.heap"), options));
            AssertRunning(target.Id, "the cancelled capture");
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public void A_process_that_dies_during_the_capture_is_an_error_naming_it()
    {
        using var target = DetachedHeapTarget.StartOnLinux("shapes");
        if (target is null)
        {
            return;
        }
        int id = target.Id;
        string path = _dir.File("died.heap");
        var options = new HeapCaptureOptions
        {
            // SIGKILL ends a process even while it is stopped under ptrace.
            BeforeWalk = () =>
            {
                using var process = Process.GetProcessById(id);
                process.Kill();
                var clock = Stopwatch.StartNew();
                while (!LinuxProcess.HasEnded(id) && clock.Elapsed < TimeSpan.FromSeconds(30))
                {
                    Thread.Sleep(20);
                }
            },
        };
        var error = Assert.Throws<HeapCaptureException>(() => HeapSnapshot.CaptureProcess(id, path, options));
        Assert.Equal($"process {id} exited during the capture; {path} was not written", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir.Info.FullName, "*died*"));
    }

    [Fact]
    public void A_process_already_traced_is_an_error_naming_the_tracer()
    {
        using var target = DetachedHeapTarget.StartOnLinux("shapes");
        if (target is null)
        {
            return;
        }
        HeapCaptureException? second = null;
        var options = new HeapCaptureOptions
        {
            // While the first capture holds the process, a second one tries to attach.
            BeforeWalk = () => second = Assert.Throws<HeapCaptureException>(() => HeapSnapshot.CaptureProcess(target.Id, _dir.File("second.heap"))),
        };
        HeapSnapshot.CaptureProcess(target.Id, _dir.File("first.heap"), options);
        Assert.NotNull(second);
        // The first capture traces from a thread of this process: the message names the process, not the thread.
        Assert.Contains($"process {target.Id}: cannot attach, it is already traced by process {Environment.ProcessId} ", second.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("second.heap")));
        AssertRunning(target.Id, "both captures");
    }

    [Theory]
    [InlineData("4242 (dotnet) S 17 4242 4242 0 -1", 17)]
    [InlineData("4242 (a (b) c) d) S 99 1 1", 99)]
    [InlineData("4242 (.NET SynchManag) S 1 2", 1)]
    [InlineData("4242 dotnet S 17", -1)]
    [InlineData("4242 (x) S", -1)]
    [InlineData("4242 (x) S -3 1", -1)]
    public void The_parent_is_read_after_the_command_name(string stat, int parent) =>
        Assert.Equal(parent, LinuxProcess.ParseParent(stat));

    // Let go: no thread of the process is left stopped (T) or in a tracing stop (t).
    private static void AssertRunning(int processId, string after)
    {
        foreach (string task in Directory.GetDirectories($"/proc/{processId}/task"))
        {
            char state = LinuxProcess.StateOf(Path.Combine(task, "stat"));
            Assert.True(state is not ('T' or 't'), $"thread {Path.GetFileName(task)} of the target is in state {state} after {after}");
        }
    }

    private static List<(string Kind, long Count, long Size)> TargetRows(HeapGraph graph) =>
        HeapQueries.Summarize(graph).Rows.Where(r => r.Kind.StartsWith("Toolkit.HeapTarget.", StringComparison.Ordinal))
            .Select(r => (r.Kind, r.Count, r.Size)).OrderBy(r => r.Kind, StringComparer.Ordinal).ToList();

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
            var error = Assert.Throws<HeapCaptureException>(() => HeapSnapshot.CaptureProcess(process.Id, _dir.File("sh.heap"), new HeapCaptureOptions { Mode = HeapCaptureMode.InPlace }));
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
