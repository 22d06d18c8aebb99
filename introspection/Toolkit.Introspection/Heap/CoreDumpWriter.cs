using System.Diagnostics;
using System.Globalization;

namespace Toolkit.Introspection.Heap;

/// <summary>
/// Writes a dump of a process (with its GC heap) by running the runtime's createdump, into a
/// private temporary directory (owner-only), with createdump's own output captured instead of
/// printed. The caller deletes the dump with <see cref="Dispose"/>: it holds the process's memory.
/// </summary>
public sealed class CoreDumpWriter : IDisposable
{
    // createdump of a multi-gigabyte process takes tens of seconds; beyond this it is stuck.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    // Exit codes .NET reports for a child ended by SIGINT and SIGTERM (128 + the signal).
    private const int SignalledByInterrupt = 130;
    private const int SignalledByTerm = 143;

    // The signal handler runs on a thread of its own; it cancels within milliseconds.
    private static readonly TimeSpan InterruptGrace = TimeSpan.FromSeconds(1);

    private readonly DirectoryInfo _directory;

    private CoreDumpWriter(DirectoryInfo directory, string path)
    {
        _directory = directory;
        DumpPath = path;
    }

    public string DumpPath { get; }

    /// <summary>Dumps process <paramref name="processId"/> (which may be this process) and returns the dump's owner; a cancellation
    /// ends createdump and deletes what it wrote.</summary>
    public static CoreDumpWriter Create(int processId, CancellationToken cancellation = default)
    {
        string createdump = Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, OperatingSystem.IsWindows() ? "createdump.exe" : "createdump");
        if (!File.Exists(createdump))
        {
            throw new HeapCaptureException($"createdump not found beside the runtime ({createdump}); capture it in place instead");
        }
        var directory = Directory.CreateTempSubdirectory("toolkit-heap-");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var writer = new CoreDumpWriter(directory, Path.Combine(directory.FullName, "process.dmp"));
        try
        {
            var start = new ProcessStartInfo(createdump) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("--withheap");
            start.ArgumentList.Add("-f");
            start.ArgumentList.Add(writer.DumpPath);
            start.ArgumentList.Add(processId.ToString(CultureInfo.InvariantCulture));
            using var process = Process.Start(start) ?? throw new HeapCaptureException($"cannot start {createdump}");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            bool exited;
            using (cancellation.Register(() => Kill(process)))
            {
                exited = process.WaitForExit(Timeout);
            }
            if (!exited)
            {
                Kill(process);
                throw new HeapCaptureException($"process {processId}: createdump did not finish in {Timeout.TotalMinutes} minutes");
            }
            process.WaitForExit(); // its output's readers, then the exit code
            if (process.ExitCode is SignalledByInterrupt or SignalledByTerm && cancellation.CanBeCanceled)
            {
                // Ctrl-C at a terminal reaches createdump too (same process group), maybe before this process's own handler
                // has cancelled: give that handler a moment, so the capture ends as interrupted, not as a createdump failure.
                cancellation.WaitHandle.WaitOne(InterruptGrace);
            }
            cancellation.ThrowIfCancellationRequested();
            if (process.ExitCode != 0 || !File.Exists(writer.DumpPath))
            {
                string text = (output.Result + error.Result).Trim();
                throw new HeapCaptureException($"process {processId}: createdump failed (exit code {process.ExitCode}): {text}");
            }
            return writer;
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It has exited meanwhile.
        }
    }

    public void Dispose()
    {
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a dump that cannot be deleted stays in the owner-only temp directory.
        }
    }
}
