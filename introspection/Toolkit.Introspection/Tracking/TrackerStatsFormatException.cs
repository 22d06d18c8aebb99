namespace Toolkit.Introspection.Tracking;

/// <summary>A saved tracker-stats file that cannot be trusted: wrong or missing format version, damaged JSON, or inconsistent content. The message names the file and the fault.</summary>
public sealed class TrackerStatsFormatException : UserErrorException
{
    public TrackerStatsFormatException(string message)
        : base(message)
    {
    }

    public TrackerStatsFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
