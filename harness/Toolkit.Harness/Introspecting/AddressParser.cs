using System.Globalization;
using Toolkit.Harness.Commands;

namespace Toolkit.Harness.Introspecting;

/// <summary>Parses an object address as the heap verbs print it (<c>0x7f3a...</c>) or in decimal.</summary>
public static class AddressParser
{
    /// <summary>Parses <paramref name="text"/>; a malformed address is a <see cref="UsageException"/> naming it.</summary>
    public static ulong Parse(string text)
    {
        var trimmed = text.Trim();
        var ok = trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.TryParse(trimmed.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            : ulong.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        return ok ? value : throw new UsageException($"'{text}' is not an object address (write it as the heap verbs print it, e.g. 0x7f1c2a400028)");
    }

    /// <summary>Parses every address of a repeatable or comma-separated option.</summary>
    public static IReadOnlyList<ulong> ParseAll(IEnumerable<string>? texts) =>
        (texts ?? []).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(Parse).ToList();
}
