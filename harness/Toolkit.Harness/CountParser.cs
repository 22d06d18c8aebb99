using System.Globalization;

namespace Toolkit.Harness;

/// <summary>Parses counts written the way people write them: 200, 10k, 1.5k, 1M; and writes them back the short way.</summary>
public static class CountParser
{
    /// <summary>Parses one count; false for anything that is not a non-negative count that fits an int.</summary>
    public static bool TryParse(string text, out int count)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var multiplier = 1.0;
        if (trimmed.EndsWith('k') || trimmed.EndsWith('K'))
        {
            multiplier = 1_000;
            trimmed = trimmed[..^1];
        }
        else if (trimmed.EndsWith('m') || trimmed.EndsWith('M'))
        {
            multiplier = 1_000_000;
            trimmed = trimmed[..^1];
        }

        count = 0;
        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0 || value * multiplier > int.MaxValue)
        {
            return false;
        }

        count = (int)Math.Round(value * multiplier);
        return true;
    }

    /// <summary>Writes a count the short way (1000 as 1k, 1000000 as 1M).</summary>
    public static string Format(int count) => count switch
    {
        >= 1_000_000 when count % 1_000_000 == 0 => (count / 1_000_000).ToString(CultureInfo.InvariantCulture) + "M",
        >= 1_000 when count % 1_000 == 0 => (count / 1_000).ToString(CultureInfo.InvariantCulture) + "k",
        _ => count.ToString(CultureInfo.InvariantCulture),
    };
}
