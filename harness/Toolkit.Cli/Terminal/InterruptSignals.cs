using System.Runtime.InteropServices;

namespace Toolkit.Harness.Terminal;

/// <summary>
/// How a verb that must not lose work is interrupted (build, clean): the first SIGINT, SIGTERM or
/// SIGHUP cancels <see cref="Token"/> instead of ending the process, so the verb stops starting work,
/// ends what runs, saves and cleans up, then exits with 128 + the signal's number; a second signal
/// ends the process at once (what it leaves, the next build removes). With or without a terminal:
/// Ctrl-C reaches the process as SIGINT either way.
/// </summary>
public sealed class InterruptSignals : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly PosixSignalRegistration[] _registrations;
    private int _received;

    /// <summary>Starts listening; <paramref name="also"/> (the command line's own token) cancels too.</summary>
    public InterruptSignals(CancellationToken also)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(also);
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal),
        ];
    }

    /// <summary>Cancelled at the first signal.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>The signal that arrived first, or null.</summary>
    public PosixSignal? Signal { get; private set; }

    /// <summary>128 + the signal's number, the exit code a shell expects of a process the signal stopped.</summary>
    public int ExitCode => 128 + Signal switch
    {
        PosixSignal.SIGHUP => 1,
        PosixSignal.SIGTERM => 15,
        _ => 2,
    };

    /// <summary>The signal's name, for the message.</summary>
    public string Name => Signal?.ToString() ?? "a cancellation";

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _received) > 1)
        {
            return; // the second signal: the default action ends the process now
        }

        context.Cancel = true;
        Signal = context.Signal;
        Output.Warning($"interrupted by {context.Signal}: stopping cleanly, keeping what is done (send it again to stop at once)");
        _source.Cancel();
    }
}
