using System.Diagnostics;
using System.Globalization;
using Toolkit.Introspection.Heap;

namespace Toolkit.Introspection.Tests.Heap;

/// <summary>
/// Runs the heap test target as a process that is not a child of the tests, as <c>toolkit heap snapshot --pid</c> meets
/// a process a user started: a shell starts it in the background and exits, so its parent becomes init. Its stdin is a
/// FIFO these tests hold open; closing it (on dispose, or when the tests exit) ends the target.
/// </summary>
public sealed class DetachedHeapTarget : IDisposable
{
    // Generous: the target starts in well under a second; a slow CI machine gets room.
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _dir = new();
    private FileStream? _input;

    public DetachedHeapTarget(params string[] args)
    {
        string fifo = _dir.File("in.fifo");
        string output = _dir.File("out.txt");
        try
        {
            using (var mkfifo = Process.Start("mkfifo", [fifo]))
            {
                mkfifo.WaitForExit();
            }
            var start = new ProcessStartInfo("sh") { UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("dotnet exec \"$@\" < \"$TARGET_IN\" > \"$TARGET_OUT\" 2>&1 &");
            start.ArgumentList.Add("sh");
            start.ArgumentList.Add(HeapTargetProcess.TargetPath());
            foreach (var a in args)
            {
                start.ArgumentList.Add(a);
            }
            start.Environment["TARGET_IN"] = fifo;
            start.Environment["TARGET_OUT"] = output;
            // Opening a FIFO to write waits for its reader: the target's redirection.
            var open = Task.Run(() => new FileStream(fifo, FileMode.Open, FileAccess.Write));
            using (var shell = Process.Start(start) ?? throw new InvalidOperationException("cannot start sh"))
            {
                shell.WaitForExit();
            }
            _input = open.WaitAsync(ReadyTimeout).GetAwaiter().GetResult();
            var clock = Stopwatch.StartNew();
            string line;
            // The shell creates the output file after it opened the FIFO.
            while (!(line = File.Exists(output) ? File.ReadAllText(output) : "").StartsWith("READY ", StringComparison.Ordinal))
            {
                if (clock.Elapsed > ReadyTimeout)
                {
                    throw new InvalidOperationException($"heap target did not get ready: '{line}'");
                }
                Thread.Sleep(50);
            }
            Id = int.Parse(line.AsSpan(6).Trim(), CultureInfo.InvariantCulture);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The target, or null (with a message) off Linux, where it is started through sh and a FIFO.</summary>
    public static DetachedHeapTarget? StartOnLinux(params string[] args)
    {
        if (!OperatingSystem.IsLinux())
        {
            Console.WriteLine("skipped: the detached target is started through sh and a FIFO (Linux)");
            return null;
        }
        return new DetachedHeapTarget(args);
    }

    public int Id { get; private set; }

    public void Dispose()
    {
        _input?.Dispose();
        _input = null;
        if (Id > 0)
        {
            var clock = Stopwatch.StartNew();
            while (!LinuxProcess.HasEnded(Id) && clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                Thread.Sleep(50);
            }
            if (!LinuxProcess.HasEnded(Id))
            {
                try
                {
                    using var process = Process.GetProcessById(Id);
                    process.Kill();
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException)
                {
                    // Gone meanwhile.
                }
            }
            Id = 0;
        }
        _dir.Dispose();
    }
}
