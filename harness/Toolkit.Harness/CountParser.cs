using System.Globalization;

namespace Toolkit.Harness.Commands;

/// <summary>Parses counts written the way people write them: 200, 10k, 1.5k, 1M.</summary>
public static class CountParser
{
    /// <summary>Parses one count; throws <see cref="UsageException"/> naming the option and the text.</summary>
    public static int Parse(string text, string option)
    {
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

        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || value * multiplier > int.MaxValue)
        {
            throw new UsageException($"{option}: '{text}' is not a count (write e.g. 200, 10k or 1M)");
        }

        return (int)Math.Round(value * multiplier);
    }

    /// <summary>Parses a comma-separated list of counts.</summary>
    public static IReadOnlyList<int> ParseList(string text, string option) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part => Parse(part, option)).ToArray();

    /// <summary>Writes a count the short way (1000 as 1k, 1000000 as 1M).</summary>
    public static string Format(int count) => count switch
    {
        >= 1_000_000 when count % 1_000_000 == 0 => (count / 1_000_000).ToString(CultureInfo.InvariantCulture) + "M",
        >= 1_000 when count % 1_000 == 0 => (count / 1_000).ToString(CultureInfo.InvariantCulture) + "k",
        _ => count.ToString(CultureInfo.InvariantCulture),
    };
}
