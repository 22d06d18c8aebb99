namespace Toolkit.Introspection.Tracking;

/// <summary>A background thread that calls a snapshot action at an interval until stopped. Costs one thread while running.</summary>
internal sealed class PeriodicSnapshotter : IDisposable
{
    private readonly ManualResetEventSlim _stop = new();
    private readonly Thread _thread;

    public PeriodicSnapshotter(TimeSpan interval, Action tick)
    {
        _thread = new Thread(() =>
        {
            while (!_stop.Wait(interval))
            {
                tick();
            }
        })
        {
            IsBackground = true,
            Name = "ClassTracker periodic snapshots",
        };
        _thread.Start();
    }

    /// <summary>Stops the thread and waits for a snapshot in progress to finish.</summary>
    public void Dispose()
    {
        _stop.Set();
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
        }

        _stop.Dispose();
    }
}
