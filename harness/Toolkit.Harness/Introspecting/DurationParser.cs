using System.Globalization;
using Toolkit.Harness.Commands;

namespace Toolkit.Harness.Introspecting;

/// <summary>Parses a duration as the CLI writes it: <c>500ms</c>, <c>2s</c>, <c>1.5s</c>, <c>1m</c>; a bare number is milliseconds.</summary>
public static class DurationParser
{
    /// <summary>Parses <paramref name="text"/>; a malformed or non-positive value is a <see cref="UsageException"/> naming the option.</summary>
    public static TimeSpan Parse(string text, string option)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        var (number, scale) = trimmed switch
        {
            _ when trimmed.EndsWith("ms", StringComparison.Ordinal) => (trimmed[..^2], 1.0),
            _ when trimmed.EndsWith('s') => (trimmed[..^1], 1000.0),
            _ when trimmed.EndsWith('m') => (trimmed[..^1], 60_000.0),
            _ => (trimmed, 1.0),
        };
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value > 0) || double.IsInfinity(value))
        {
            throw new UsageException($"{option}: '{text}' is not a positive duration (write e.g. 500ms, 2s or 1m)");
        }

        return TimeSpan.FromMilliseconds(value * scale);
    }
}
