using System.Collections.Concurrent;
using System.Text;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// The header names a scanner has parsed, one string per distinct name: <see cref="IncludeParser"/> decodes a name's
/// UTF-8 bytes onto the stack and looks the characters up (a span-keyed probe of a concurrent dictionary), so a name
/// written in a thousand files is one string, not a thousand. Saves ~40-60 bytes per directive after a name's first
/// occurrence (a generated 10k project has ~60k directives and ~1k distinct names); costs a dictionary entry per
/// distinct name for the scanner's life. Thread-safe.
/// </summary>
public sealed class IncludeNames
{
    /// <summary>Names up to this many bytes are decoded on the stack (a UTF-8 byte decodes to at most one char); longer ones get a string each.</summary>
    private const int StackNameBytes = 256;

    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _byChars;

    /// <summary>Creates an empty table.</summary>
    public IncludeNames()
    {
        _byChars = _names.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>How many distinct names the table holds.</summary>
    public int Count => _names.Count;

    /// <summary>The one string for a name written as <paramref name="utf8"/> (decoded as <see cref="Encoding.UTF8"/> decodes it).</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > StackNameBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[StackNameBytes];
        return Get(chars[..Encoding.UTF8.GetChars(utf8, chars)]);
    }

    /// <summary>The one string for <paramref name="chars"/>.</summary>
    public string Get(ReadOnlySpan<char> chars)
    {
        if (_byChars.TryGetValue(chars, out var known))
        {
            return known;
        }

        var created = chars.ToString();
        return _names.GetOrAdd(created, created);
    }
}
