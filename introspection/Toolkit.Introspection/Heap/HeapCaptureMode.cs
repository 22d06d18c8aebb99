namespace Toolkit.Introspection.Heap;

/// <summary>How a capture of another running process reads its memory.</summary>
public enum HeapCaptureMode : byte
{
    /// <summary><see cref="InPlace"/>, except for a child of the capturing process on Linux, which is read
    /// <see cref="ThroughDump"/> (see <see cref="InPlace"/> for why).</summary>
    Auto = 0,

    /// <summary>Attach (ptrace on Linux), stop every thread, walk the live memory, detach. No dump on disk
    /// and about half the CPU of <see cref="ThroughDump"/> (100M objects: 10.0 s against 18.8-21.5 s,
    /// docs/heap-analysis.md); the process is stopped while it is walked. Refused for a child of the
    /// capturing process on Linux: .NET's watcher of the child processes it started reaps the stop that
    /// the attach causes (it takes the child for exited), and ClrMD's attach then waits for that stop for
    /// ever. Under load on a 2-core machine that hung 3 of the first 39 attaches to a child, and none of 140
    /// to a process that is not a child (docs/heap-analysis.md).</summary>
    InPlace = 1,

    /// <summary>The runtime's createdump writes the process (all of its memory: 4.6 GB at 100M objects)
    /// to a private temporary file, which is walked and deleted. The process is stopped while createdump
    /// writes; needs disk for the whole process and about twice the CPU of <see cref="InPlace"/>.</summary>
    ThroughDump = 2,
}
