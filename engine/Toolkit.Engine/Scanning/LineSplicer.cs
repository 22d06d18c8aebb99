using System.Buffers;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// Translation phase 2 of C: removes every backslash-newline pair, so that a directive or comment
/// continued over several physical lines becomes one logical line. Like gcc, white space between
/// the backslash and the newline is accepted (gcc warns about it, but splices). Files without a
/// continuation, the common case, are not copied.
/// </summary>
internal static class LineSplicer
{
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Runs <paramref name="parse"/> on the logical text of <paramref name="contents"/>: a UTF-8 byte order
    /// mark dropped (the first line still starts a line, as gcc reads it) and the continuations spliced,
    /// into a pooled buffer only when there is one.
    /// </summary>
    public static T ParseLogical<T>(ReadOnlySpan<byte> contents, LogicalTextParser<T> parse) =>
        ParseLogical<LogicalTextParser<T>, T>(contents, parse, static (text, inner) => inner(text));

    /// <summary>As <see cref="ParseLogical{T}(ReadOnlySpan{byte}, LogicalTextParser{T})"/>, passing <paramref name="state"/> to <paramref name="parse"/>.</summary>
    public static T ParseLogical<TState, T>(ReadOnlySpan<byte> contents, TState state, LogicalTextParser<TState, T> parse)
    {
        if (contents.StartsWith(ByteOrderMark))
        {
            contents = contents[3..];
        }

        var firstSplice = FindSplice(contents, 0);
        if (firstSplice < 0)
        {
            return parse(contents, state);
        }

        var buffer = Splice(contents, firstSplice, out var length);
        try
        {
            return parse(buffer.AsSpan(0, length), state);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Finds the first splice (backslash, optional blanks, newline) at or after <paramref name="from"/>; -1 when none.</summary>
    public static int FindSplice(ReadOnlySpan<byte> contents, int from)
    {
        while (from < contents.Length)
        {
            var found = contents[from..].IndexOf((byte)'\\');
            if (found < 0)
            {
                return -1;
            }

            var at = from + found;
            if (SpliceLength(contents, at) > 0)
            {
                return at;
            }

            from = at + 1;
        }

        return -1;
    }

    /// <summary>The length of the splice starting at <paramref name="at"/> (a backslash), or 0 when it is not one.</summary>
    public static int SpliceLength(ReadOnlySpan<byte> contents, int at)
    {
        var i = at + 1;
        while (i < contents.Length && (contents[i] == (byte)' ' || contents[i] == (byte)'\t' || contents[i] == (byte)'\r'))
        {
            i++;
        }

        return i < contents.Length && contents[i] == (byte)'\n' ? i + 1 - at : 0;
    }

    /// <summary>
    /// Copies <paramref name="contents"/> without its splices into a pooled buffer (return it with
    /// <see cref="ArrayPool{T}.Shared"/>); <paramref name="length"/> is the spliced length.
    /// </summary>
    public static byte[] Splice(ReadOnlySpan<byte> contents, int firstSplice, out int length)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(contents.Length);
        contents[..firstSplice].CopyTo(buffer);
        length = firstSplice;
        var read = firstSplice;
        while (read < contents.Length)
        {
            var skip = SpliceLength(contents, read);
            read += skip;
            var next = FindSplice(contents, read);
            var end = next < 0 ? contents.Length : next;
            contents[read..end].CopyTo(buffer.AsSpan(length));
            length += end - read;
            read = end;
        }

        return buffer;
    }
}
