using System.CommandLine.Parsing;
using System.Globalization;
using Toolkit.Harness.Measuring;
using Toolkit.Optimizations;
using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.Harness.Commands;

/// <summary>
/// Parsers of option values that give the user's mistake as a parse error naming the option and the
/// text ("--jobs: 'abc' is not a whole number"), checked before the verb runs, instead of the
/// converter's message about System.Int32.
/// </summary>
public static class OptionParsers
{
    /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/> (<see cref="EngineOptions.Integer"/>).</summary>
    public static Func<ArgumentResult, int> Integer(string option, int minimum, int maximum = int.MaxValue) => EngineOptions.Integer(option, minimum, maximum);

    /// <summary>A finite number of at least <paramref name="minimum"/>.</summary>
    public static Func<ArgumentResult, double> Number(string option, double minimum) => result =>
    {
        var text = Token(result);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            return Fail<double>(result, $"{option}: '{text}' is not a number");
        }

        return value >= minimum ? value : Fail<double>(result, $"{option}: {text} must be {minimum.ToString(CultureInfo.InvariantCulture)} or more");
    };

    /// <summary>A count written as people write it (200, 10k, 1M) from <paramref name="minimum"/> to <paramref name="maximum"/>.</summary>
    public static Func<ArgumentResult, int> Count(string option, int minimum, int maximum) => result =>
    {
        var text = Token(result);
        return CountParser.TryParse(text, out var count)
            ? InRange(result, option, count, minimum, maximum)
            : Fail<int>(result, $"{option}: '{text}' is not a count (write e.g. 200, 10k or 1M)");
    };

    /// <summary>A comma-separated list of counts, each as <see cref="Count"/>, at least one.</summary>
    public static Func<ArgumentResult, IReadOnlyList<int>> Counts(string option, int minimum, int maximum) => result =>
    {
        var parts = Token(result).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            return Fail<IReadOnlyList<int>>(result, $"{option}: give at least one size");
        }

        var counts = new List<int>();
        foreach (var part in parts)
        {
            if (!CountParser.TryParse(part, out var count))
            {
                return Fail<IReadOnlyList<int>>(result, $"{option}: '{part}' is not a count (write e.g. 200, 10k or 1M)");
            }

            counts.Add(InRange(result, option, count, minimum, maximum));
        }

        return counts;
    };

    /// <summary>A generated project's shape by name.</summary>
    public static ProjectShape Shape(ArgumentResult result)
    {
        var text = Token(result);
        return ProjectShapes.TryParse(text, out var shape)
            ? shape
            : Fail<ProjectShape>(result, $"--shape: unknown shape '{text}'; valid shapes: {string.Join(", ", ProjectShapes.ValidNames)}");
    }

    /// <summary>A comma-separated list of variant names from <paramref name="variants"/>, or <c>all</c> when <paramref name="allowAll"/>.</summary>
    public static Func<ArgumentResult, IReadOnlyList<string>> Variants(VariantFactory variants, string option, bool allowAll) => result =>
    {
        var text = Token(result);
        if (allowAll && text == "all")
        {
            return variants.Names;
        }

        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            return Fail<IReadOnlyList<string>>(result, $"{option}: give at least one variant");
        }

        return variants.FindUnknown(names) is { } unknown ? Fail<IReadOnlyList<string>>(result, $"{option}: {unknown}") : names;
    };

    /// <summary>
    /// Repeated <c>SIZE=NAME[,NAME...]</c> values (<c>--variants-at 1M=baseline,optimized</c>): each size a
    /// count as <see cref="Count"/>, each name checked by <paramref name="findUnknown"/> (null when all are known).
    /// </summary>
    public static Func<ArgumentResult, IReadOnlyDictionary<int, IReadOnlyList<string>>> SizeLists(string option, Func<IReadOnlyList<string>, string?> findUnknown) => result =>
    {
        var map = new Dictionary<int, IReadOnlyList<string>>();
        foreach (var token in result.Tokens.Select(t => t.Value))
        {
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !CountParser.TryParse(token[..equals], out var size))
            {
                return Fail<IReadOnlyDictionary<int, IReadOnlyList<string>>>(result, $"{option}: '{token}' is not SIZE=NAME[,NAME...] (e.g. {option} 1M=baseline,optimized)");
            }

            var names = token[(equals + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
            if (findUnknown(names) is { } unknown)
            {
                return Fail<IReadOnlyDictionary<int, IReadOnlyList<string>>>(result, $"{option}: {unknown}");
            }

            map[size] = names;
        }

        return map;
    };

    /// <summary>A comma-separated list of peer names, or <c>all</c> or <c>none</c>.</summary>
    public static IReadOnlyList<string> Peers(ArgumentResult result)
    {
        var text = Token(result);
        if (text == "all")
        {
            return PeerTool.Names;
        }

        if (text == "none")
        {
            return [];
        }

        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        return FindUnknownPeer(names) is { } unknown ? Fail<IReadOnlyList<string>>(result, "--peers: " + unknown) : names;
    }

    /// <summary>Null when every name is a peer; otherwise the message naming the first unknown one.</summary>
    public static string? FindUnknownPeer(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var unknown = names.FirstOrDefault(n => PeerTool.Find(n) is null);
        return unknown is null ? null : $"unknown peer '{unknown}'; valid peers: {string.Join(", ", PeerTool.Names)} (or all, none)";
    }

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;

    private static int InRange(ArgumentResult result, string option, int value, int minimum, int maximum) => EngineOptions.InRange(result, option, value, minimum, maximum);

    private static T Fail<T>(ArgumentResult result, string message)
    {
        result.AddError(message);
        return default!;
    }
}
