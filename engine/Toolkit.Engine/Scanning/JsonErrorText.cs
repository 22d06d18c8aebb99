using System.Globalization;
using System.Text.Json;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// A System.Text.Json error as a user reads it: the place as "LINE:COLUMN", both counted from 1 like every
/// other place the toolkit names, and the reason without the parser's own 0-based "LineNumber: 2 |
/// BytePositionInLine: 15." and "Path: $..." tails, so one line never holds two ways of counting.
/// </summary>
public static class JsonErrorText
{
    /// <summary>"LINE:COLUMN" (1-based) of the error, or null when the parser gave no place.</summary>
    public static string? Place(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $"{line + 1}:{(exception.BytePositionInLine ?? 0) + 1}")
            : null;
    }

    /// <summary>The first sentence of the reason, without the place or the JSON path the parser appends.</summary>
    public static string Reason(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = exception.Message.Split('\n')[0];
        foreach (var tail in (string[])[" LineNumber: ", " Path: "])
        {
            var cut = text.IndexOf(tail, StringComparison.Ordinal);
            if (cut > 0)
            {
                text = text[..cut];
            }
        }

        return text.TrimEnd();
    }
}
