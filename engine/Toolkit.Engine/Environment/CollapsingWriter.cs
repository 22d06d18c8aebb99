using System.Buffers;

namespace Toolkit.Engine.Environments;

/// <summary>
/// Appends text into a span while collapsing every run of white space to one space and dropping
/// white space at both ends, in one pass: non-blank runs are copied in bulk.
/// </summary>
internal ref struct CollapsingWriter
{
    private static readonly SearchValues<char> Blanks = SearchValues.Create(" \t\r\n");

    private readonly Span<char> _destination;
    private int _length;
    private bool _pendingSpace;

    /// <summary>Writes into <paramref name="destination"/>, which must hold everything appended.</summary>
    public CollapsingWriter(Span<char> destination)
    {
        _destination = destination;
        _length = 0;
        _pendingSpace = false;
    }

    /// <summary>Characters written so far (trailing white space never counts).</summary>
    public readonly int Length => _length;

    /// <summary>Appends text, collapsing its white space.</summary>
    public void Append(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var blank = text.IndexOfAny(Blanks);
            var run = blank < 0 ? text : text[..blank];
            if (!run.IsEmpty)
            {
                if (_pendingSpace)
                {
                    _destination[_length++] = ' ';
                    _pendingSpace = false;
                }

                run.CopyTo(_destination[_length..]);
                _length += run.Length;
            }

            if (blank < 0)
            {
                return;
            }

            _pendingSpace = _length > 0;
            text = text[(blank + 1)..];
        }
    }

    /// <summary>Appends text as it is, white space included (a quoted word), after a pending separator.</summary>
    public void AppendVerbatim(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        if (_pendingSpace)
        {
            _destination[_length++] = ' ';
            _pendingSpace = false;
        }

        text.CopyTo(_destination[_length..]);
        _length += text.Length;
    }

    /// <summary>Marks a word boundary: the next text appended is separated by one space.</summary>
    public void Separate() => _pendingSpace = _length > 0;

    /// <summary>What has been written so far.</summary>
    public readonly ReadOnlySpan<char> Written => _destination[.._length];

    /// <summary>The collapsed, trimmed text.</summary>
    public readonly string Build() => new(Written);

    /// <summary>Collapses and trims one string.</summary>
    public static string Collapse(string text)
    {
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 1));
        try
        {
            var writer = new CollapsingWriter(buffer);
            writer.Append(text);
            return writer.Written.SequenceEqual(text) ? text : writer.Build();
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
