using System.Collections.Concurrent;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// Passes each distinct warning of a scanner to its sink once (a header met by a thousand sources is
/// reported once) and counts them. Thread-safe. Costs one dictionary entry per distinct warning.
/// </summary>
internal sealed class ScanDiagnostics
{
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);
    private readonly Action<string>? _sink;

    public ScanDiagnostics(Action<string>? sink)
    {
        _sink = sink;
    }

    /// <summary>How many distinct warnings were given.</summary>
    public int Count => _seen.Count;

    /// <summary>Gives <paramref name="message"/> unless it was given before.</summary>
    public void Warn(string message)
    {
        if (_seen.TryAdd(message, 0))
        {
            _sink?.Invoke(message);
        }
    }
}
