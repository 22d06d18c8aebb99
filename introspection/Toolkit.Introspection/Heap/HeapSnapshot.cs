using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.Diagnostics.Runtime;

namespace Toolkit.Introspection.Heap;

/// <summary>
/// Captures a managed heap to a heap file: of another process by pid (attached and stopped while
/// walked, or through a createdump snapshot), of this process (through a createdump snapshot), or of a core dump.
/// The heap is streamed to the file as it is walked, so capture memory stays small. Both read memory
/// in 4 MiB blocks (<see cref="SegmentWindow"/>), so walking a suspended live process costs about
/// what walking its dump does, and skips writing the dump (createdump's CPU is mostly that write).
/// </summary>
public static class HeapSnapshot
{
    /// <summary>Captures process <paramref name="processId"/> to <paramref name="path"/>: attached and stopped while its heap is
    /// walked, or through a createdump snapshot (<see cref="HeapCaptureOptions.Mode"/>; by default in place unless the process is a
    /// child of this one).</summary>
    public static HeapCaptureResult CaptureProcess(int processId, string path, HeapCaptureOptions? options = null)
    {
        options ??= new HeapCaptureOptions();
        EnsureProcessExists(processId);
        if (processId == Environment.ProcessId)
        {
            if (options.Mode == HeapCaptureMode.InPlace)
            {
                throw new HeapCaptureException($"process {processId} is this process, which cannot stop itself to be read in place; capture it through a dump");
            }
            return CaptureSelf(path, options);
        }
        string source = $"process {processId}";
        EnsureDotNetProcess(processId, source);
        bool child = LinuxProcess.IsChildOfThisProcess(processId);
        var mode = options.Mode switch
        {
            HeapCaptureMode.Auto => child ? HeapCaptureMode.ThroughDump : HeapCaptureMode.InPlace,
            HeapCaptureMode.InPlace when child => throw new HeapCaptureException(
                $"{source} is a child of this process and cannot be read in place (the watcher of child processes would take the stop the attach waits for, and the attach would wait for ever); capture it through a dump"),
            var chosen => chosen,
        };
        return mode == HeapCaptureMode.InPlace
            ? CaptureOnTracerThread(() => AttachTolerant(processId), source, processId, path, options)
            : CaptureThroughDump(processId, source, path, options);
    }

    /// <summary>Captures the heap of the calling process: a snapshot of it is taken by createdump
    /// (a process cannot suspend itself) and walked, then thrown away.</summary>
    public static HeapCaptureResult CaptureSelf(string path, HeapCaptureOptions? options = null)
    {
        int self = Environment.ProcessId;
        return CaptureThroughDump(self, $"self (process {self})", path, options);
    }

    /// <summary>Reads a core dump written by createdump (or any dump ClrMD reads) and writes its heap to <paramref name="path"/>.</summary>
    public static HeapCaptureResult CaptureDump(string dumpPath, string path, HeapCaptureOptions? options = null)
    {
        if (!File.Exists(dumpPath))
        {
            throw new HeapCaptureException($"dump file not found: {dumpPath}");
        }
        return Capture(() => DataTarget.LoadDump(dumpPath), $"dump {Path.GetFileName(dumpPath)}", 0, path, options);
    }

    private static HeapCaptureResult CaptureThroughDump(int processId, string source, string path, HeapCaptureOptions? options)
    {
        var clock = Stopwatch.StartNew();
        using var dump = CoreDumpWriter.Create(processId, options?.Cancellation ?? default);
        var dumpTime = clock.Elapsed;
        var result = Capture(() => DataTarget.LoadDump(dump.DumpPath), source, processId, path, options);
        return result with { AttachTime = result.AttachTime + dumpTime, DumpTime = dumpTime, Mode = HeapCaptureMode.ThroughDump };
    }

    // Attached and stopped, read through ExitTolerantReader (a process dying under the DAC's reads would otherwise end this one).
    private static DataTarget AttachTolerant(int processId)
    {
        DataTarget attached;
        try
        {
            attached = DataTarget.AttachToProcess(processId, suspend: true);
        }
        catch (ClrDiagnosticsException) when (LinuxProcess.TracerOf(processId) is int tracer and > 0)
        {
            throw new HeapCaptureException($"process {processId}: cannot attach, it is already traced by process {tracer} (a debugger, or another capture); wait for it to end or capture through a dump");
        }
        try
        {
            return new DataTarget(new ExitTolerantReader(attached), attached.Options);
        }
        catch
        {
            attached.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Captures in place on a thread of its own, waiting for the attach at most <see cref="HeapCaptureOptions.AttachTimeout"/>.
    /// ptrace's tracer is the thread that attached: the attach, every read of a thread's registers (the stack roots) and the
    /// detach must all run on it, so the whole capture does. Past the deadline (or at a cancellation during the attach) the
    /// capture is abandoned with an error: the blocked thread is left behind (a background thread: it does not keep the process
    /// alive), and if its attach ever returns it detaches at once and writes nothing.
    /// </summary>
    internal static HeapCaptureResult CaptureOnTracerThread(Func<DataTarget> attach, string source, int processId, string path, HeapCaptureOptions options)
    {
        var timeout = options.AttachTimeout;
        if ((timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan) || timeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"AttachTimeout must be between 0 and {int.MaxValue} ms, or infinite");
        }
        // Who owns the attach: the tracer once it has attached (Claimed), or this thread once it gave up (Abandoned); one wins.
        const int waiting = 0;
        const int claimed = 1;
        const int abandoned = 2;
        int state = waiting;
        // Not disposed: after a timeout the blocked thread may still set it.
        var attached = new ManualResetEventSlim();
        HeapCaptureResult? result = null;
        ExceptionDispatchInfo? failure = null;
        var tracer = new Thread(() =>
        {
            try
            {
                result = Capture(() =>
                {
                    DataTarget target;
                    try
                    {
                        target = attach();
                    }
                    finally
                    {
                        attached.Set();
                    }
                    if (Interlocked.CompareExchange(ref state, claimed, waiting) != waiting)
                    {
                        target.Dispose(); // abandoned meanwhile: let the process go, write nothing
                        throw new OperationCanceledException("the capture was abandoned before the attach finished");
                    }
                    return target;
                }, source, processId, path, options);
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
                attached.Set();
            }
        })
        {
            IsBackground = true,
            Name = "heap capture (ptrace tracer)",
        };
        tracer.Start();
        bool done;
        try
        {
            done = attached.Wait(timeout, options.Cancellation);
        }
        catch (OperationCanceledException)
        {
            if (Interlocked.CompareExchange(ref state, abandoned, waiting) != waiting)
            {
                tracer.Join(); // attached already: the walk stops at its first check and deletes what it began
            }
            else if (attached.Wait(timeout))
            {
                tracer.Join(); // an attach under way has finished and detached at once: the process runs on when this throws
            }
            throw;
        }
        if (!done && Interlocked.CompareExchange(ref state, abandoned, waiting) == waiting)
        {
            throw new HeapCaptureException(
                $"{source}: attaching in place did not finish in {timeout.TotalSeconds:0.#} s (a thread of it did not stop); it stays stopped until this program exits; capture it through a dump instead");
        }
        tracer.Join();
        failure?.Throw();
        return result! with { Mode = HeapCaptureMode.InPlace };
    }

    private static HeapCaptureResult Capture(Func<DataTarget> open, string source, int processId, string path, HeapCaptureOptions? options)
    {
        options ??= new HeapCaptureOptions();
        if (options.MaxStringChars < 0 || options.MaxStringChars > HeapFileFormat.MaxStringCharsLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"MaxStringChars must be between 0 and {HeapFileFormat.MaxStringCharsLimit}");
        }
        var clock = Stopwatch.StartNew();
        DataTarget target;
        try
        {
            target = open();
        }
        catch (Exception e) when (e is not HeapCaptureException)
        {
            throw new HeapCaptureException($"{source}: cannot attach or read: {e.Message}", e);
        }
        using (target)
        {
            if (target.ClrVersions.Length == 0)
            {
                throw new HeapCaptureException($"{source}: not a .NET process (no CLR runtime found in it)");
            }
            var clr = target.ClrVersions[0];
            using var runtime = CreateRuntime(clr, source);
            {
                var attach = clock.Elapsed;
                clock.Restart();
                using var writer = new HeapFileWriter(path);
                var tolerant = target.DataReader as ExitTolerantReader;
                var exited = tolerant?.Exited ?? CancellationToken.None;
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(options.Cancellation, exited);
                var walker = new HeapWalker(runtime, options with { Cancellation = stop.Token });
                options.BeforeWalk?.Invoke();
                try
                {
                    walker.Write(writer, source, processId, RuntimeVersion(clr));
                }
                catch (Exception e) when (e is not HeapCaptureException && tolerant is not null && (exited.IsCancellationRequested
                    || (e is not OperationCanceledException && HasExited(processId))))
                {
                    // ClrMD's reads of a process that died meanwhile fail with whatever the read met ("The process has exited").
                    throw new HeapCaptureException($"{source} exited during the capture; {path} was not written", e);
                }
                return new HeapCaptureResult(
                    path, source, writer.Objects, writer.References, writer.Types, writer.Roots, writer.TotalObjectBytes,
                    new FileInfo(path).Length, attach, clock.Elapsed)
                {
                    ObjectsTime = walker.ObjectsTime, RootsTime = walker.RootsTime, WriteTime = writer.WriteTime, WriteWaitTime = writer.WaitTime,
                };
            }
        }
    }

    /// <summary>Opens the runtime of a ClrMD target with its data access component: the one ClrMD finds, else the one beside the
    /// runtime itself when the captured process ran on this machine (ClrMD 4.2 does not match the DAC of some .NET 10 builds, which
    /// it reads well). Tests and tools that read a dump the way capture does use this too.</summary>
    public static ClrRuntime CreateRuntime(ClrInfo clr, string source = "the target")
    {
        ArgumentNullException.ThrowIfNull(clr);
        try
        {
            return clr.CreateRuntime();
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidOperationException or ClrDiagnosticsException)
        {
            string? beside = Path.GetDirectoryName(clr.ModuleInfo.FileName);
            string dac = beside is null ? "" : Path.Combine(beside, OperatingSystem.IsWindows() ? "mscordaccore.dll" : OperatingSystem.IsMacOS() ? "libmscordaccore.dylib" : "libmscordaccore.so");
            if (!File.Exists(dac))
            {
                throw new HeapCaptureException($"{source}: cannot load the runtime's data access component: {e.Message}", e);
            }
            try
            {
                return clr.CreateRuntime(dac, ignoreMismatch: true);
            }
            catch (Exception inner) when (inner is FileNotFoundException or InvalidOperationException or ClrDiagnosticsException)
            {
                throw new HeapCaptureException($"{source}: cannot load the runtime's data access component {dac}: {inner.Message}", inner);
            }
        }
    }

    /// <summary>The captured runtime's version: ClrMD's, or (when it says 0.0, as for .NET 10) the name of the runtime's directory (…/Microsoft.NETCore.App/10.0.12/).</summary>
    internal static string RuntimeVersion(ClrInfo clr)
    {
        if (clr.Version.Major > 0)
        {
            return clr.Version.ToString();
        }
        string? directory = Path.GetFileName(Path.GetDirectoryName(clr.ModuleInfo.FileName));
        return directory is not null && Version.TryParse(directory.Split('-')[0], out _) ? directory : clr.Version.ToString();
    }

    /// <summary>
    /// Refuses a process without a CoreCLR runtime before anything attaches to it: on Linux its
    /// memory map is read (no ptrace), because attaching to a process that has no runtime was seen
    /// to leave it in a tracing stop while the attaching thread waited for ever.
    /// </summary>
    private static void EnsureDotNetProcess(int processId, string source)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        string maps = $"/proc/{processId}/maps";
        try
        {
            foreach (string line in File.ReadLines(maps))
            {
                if (line.EndsWith("/libcoreclr.so", StringComparison.Ordinal))
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HeapCaptureException($"{source}: cannot read its memory map ({maps}): {e.Message}", e);
        }
        throw new HeapCaptureException($"{source}: not a .NET process (no CLR runtime found in it)");
    }

    private static bool HasExited(int processId)
    {
        if (OperatingSystem.IsLinux())
        {
            return LinuxProcess.HasEnded(processId);
        }
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return true;
        }
    }

    private static void EnsureProcessExists(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            if (process.HasExited)
            {
                throw new HeapCaptureException($"process {processId} has exited");
            }
        }
        catch (ArgumentException)
        {
            throw new HeapCaptureException($"no process with id {processId}");
        }
        catch (InvalidOperationException)
        {
            throw new HeapCaptureException($"no process with id {processId}");
        }
    }
}
