using System.Runtime.CompilerServices;
using Toolkit.Introspection.Tracking;

namespace Toolkit.SizerTarget;

/// <summary>
/// "expect-dead": the two classic leaks of a .NET program, checked by <see cref="ClassTracker.ExpectDead"/>: a listener subscribed to
/// a static event and never unsubscribed, a document left in a static cache, and beside them one document that is really let go of.
/// Prints the tracker's report; exits 0 when exactly the two leaks survive.
/// </summary>
internal static class Leaks
{
    public static readonly Dictionary<string, LeakDocument> Cache = [];

    public static event EventHandler? Changed;

    public static int Run()
    {
        using var tracker = new ClassTracker();
        Phase(tracker);
        var report = tracker.CheckExpectedDead();
        Console.Write(report.ToText());
        Changed?.Invoke(null, EventArgs.Empty);
        return report.Expected == 3 && report.Survivors.Count == 2 ? 0 : 3;
    }

    // A phase that makes three objects and means to drop all three; its locals are gone when it returns.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Phase(ClassTracker tracker)
    {
        var listener = new LeakListener();
        Changed += listener.OnChanged;
        var cached = new LeakDocument("cached");
        Cache[cached.Name] = cached;
        var freed = new LeakDocument("freed");
        tracker.ExpectDead(listener, "listener");
        tracker.ExpectDead(cached, "cached document");
        tracker.ExpectDead(freed, "freed document");
    }
}
