using System.Collections;

namespace Toolkit.Engine.Manifest;

/// <summary>
/// Tokens of a manifest line (or of one list of a statement) without a string per token: their
/// characters, escapes undone, in one reusable arena with a (start, length) pair each, read as spans
/// (<see cref="Span"/>) by the loader, which puts paths straight into the node store. Saves the token
/// strings the reader made for every path of every statement (about 280 bytes of garbage per node at
/// 100k sources); costs a copy of each token into the arena, which grows only to the longest line
/// and is kept for the next one. As an <see cref="IReadOnlyList{T}"/> of strings (for tools and tests)
/// each item read is a new string.
/// </summary>
public sealed class ManifestTokenList : IReadOnlyList<string>
{
    /// <summary>Start size of the arena: many ordinary lines without growing.</summary>
    private const int InitialChars = 256;

    /// <summary>Start number of tokens.</summary>
    private const int InitialTokens = 16;

    private char[] _chars = new char[InitialChars];
    private int[] _ranges = new int[InitialTokens * 2]; // start, length per token
    private int _length;
    private int _count;

    /// <summary>Number of tokens.</summary>
    public int Count => _count;

    /// <summary>Token <paramref name="index"/> as a new string.</summary>
    public string this[int index] => Span(index).ToString();

    /// <summary>Token <paramref name="index"/>, valid until the list is cleared.</summary>
    public ReadOnlySpan<char> Span(int index)
    {
        if ((uint)index >= (uint)_count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"no token {index} (there are {_count})");
        }

        return _chars.AsSpan(_ranges[index * 2], _ranges[(index * 2) + 1]);
    }

    /// <summary>True when token <paramref name="index"/> is <paramref name="text"/>.</summary>
    public bool Is(int index, ReadOnlySpan<char> text) => Span(index).SequenceEqual(text);

    /// <summary>Removes every token (the arena is kept).</summary>
    public void Clear()
    {
        _count = 0;
        _length = 0;
    }

    /// <summary>Appends a token as written.</summary>
    public void Add(ReadOnlySpan<char> token)
    {
        var start = Reserve(token.Length);
        token.CopyTo(_chars.AsSpan(start));
        Commit(start, token.Length);
    }

    /// <summary>Appends a token with the path escapes undone: '$ ' is a space and '$$' a '$'.</summary>
    public void AddUnescaped(ReadOnlySpan<char> text)
    {
        var start = Reserve(text.Length);
        var end = start;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '$' && i + 1 < text.Length && (text[i + 1] == ' ' || text[i + 1] == '$'))
            {
                i++;
            }

            _chars[end++] = text[i];
        }

        Commit(start, end - start);
    }

    /// <summary>Appends every token of <paramref name="other"/> from <paramref name="first"/> on.</summary>
    public void AddRange(ManifestTokenList other, int first)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = first; i < other.Count; i++)
        {
            Add(other.Span(i));
        }
    }

    /// <inheritdoc />
    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return this[i];
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int Reserve(int characters)
    {
        if (_length + characters > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_length + characters, _chars.Length * 2));
        }

        if ((_count + 1) * 2 > _ranges.Length)
        {
            Array.Resize(ref _ranges, _ranges.Length * 2);
        }

        return _length;
    }

    private void Commit(int start, int length)
    {
        _ranges[_count * 2] = start;
        _ranges[(_count * 2) + 1] = length;
        _count++;
        _length = start + length;
    }
}
