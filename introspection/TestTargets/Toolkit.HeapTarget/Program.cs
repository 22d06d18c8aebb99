using System.Runtime.InteropServices;
using Toolkit.HeapTarget;

// A process with a heap of known shape, for the heap snapshot tests and the benchmark.
// "shapes": builds the hand-worked shapes, each held by GC handles (direct roots).
// "mixed": collections, finalizable objects (live, ready behind a blocked finalizer, dead) and garbage (see Mixed).
// "big N": builds about N objects (BigItem + string + int[] per item, lists of 1000).
// Prints "READY <pid>" when built, then waits for a line on stdin (or for being killed).
var mode = args.Length > 0 ? args[0] : "shapes";
var handles = new List<GCHandle>();
if (mode == "big")
{
    long target = args.Length > 1 ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
    handles.Add(GCHandle.Alloc(BigHeap.Build(target)));
}
else if (mode == "mixed")
{
    handles.Add(GCHandle.Alloc(Mixed.BuildLive()));
}
else
{
    foreach (var root in Shapes.Build())
    {
        handles.Add(GCHandle.Alloc(root));
    }
}
GC.Collect();
if (mode == "mixed")
{
    // No WaitForPendingFinalizers from here on: the finalizer thread is blocked on purpose.
    Mixed.QueueBlockedFinalizers();
    Mixed.LeaveGarbage();
}
else
{
    GC.WaitForPendingFinalizers();
    GC.Collect();
}
Console.WriteLine($"READY {Environment.ProcessId}");
Console.Out.Flush();
Console.ReadLine();
GC.KeepAlive(handles);
