using System.Buffers;

namespace Toolkit.Engine.Environments;

/// <summary>
/// A template with every variable already expanded in one environment: literal text and the
/// action's path slots only. A template that uses no path is held as its final string, so
/// substituting it costs a dictionary lookup and nothing else.
/// </summary>
internal sealed class CompiledTemplate
{
    private readonly TemplateSegment[] _segments;
    private readonly int _literalLength;

    /// <summary>Creates a compiled template from segments in which adjacent literals are already merged.</summary>
    public CompiledTemplate(TemplateSegment[] segments)
    {
        _segments = segments;
        var literalLength = 0;
        var hasSlots = false;
        foreach (var segment in segments)
        {
            literalLength += segment.Text.Length;
            hasSlots |= segment.Slot != PathSlot.None;
        }

        _literalLength = literalLength;
        Constant = hasSlots ? null : CollapsingWriter.Collapse(segments.Length == 1 ? segments[0].Text : string.Concat(Texts(segments)));
    }

    /// <summary>The empty template.</summary>
    public static CompiledTemplate Empty { get; } = new([]);

    /// <summary>The segments, for inlining into a template that uses this one.</summary>
    public ReadOnlySpan<TemplateSegment> Segments => _segments;

    /// <summary>The final text when the template uses none of the action's paths; null otherwise.</summary>
    public string? Constant { get; }

    /// <summary>The text for one action: paths filled in, white space collapsed, ends trimmed.</summary>
    public string Render(ActionPaths paths)
    {
        if (Constant is not null)
        {
            return Constant;
        }

        var upperBound = _literalLength;
        foreach (var segment in _segments)
        {
            upperBound += segment.Slot switch
            {
                PathSlot.Target => paths.Targets.IsEmpty ? 0 : ShellQuote.Length(paths.Targets[0]),
                PathSlot.Targets => JoinedLength(paths.Targets),
                PathSlot.Source => paths.Sources.IsEmpty ? 0 : ShellQuote.Length(paths.Sources[0]),
                PathSlot.Sources => JoinedLength(paths.Sources),
                _ => 0,
            };
        }

        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(upperBound, 1));
        try
        {
            var writer = new CollapsingWriter(buffer);
            foreach (var segment in _segments)
            {
                switch (segment.Slot)
                {
                    case PathSlot.None:
                        writer.Append(segment.Text);
                        break;
                    case PathSlot.Target:
                        AppendFirst(ref writer, paths.Targets);
                        break;
                    case PathSlot.Targets:
                        AppendAll(ref writer, paths.Targets);
                        break;
                    case PathSlot.Source:
                        AppendFirst(ref writer, paths.Sources);
                        break;
                    case PathSlot.Sources:
                        AppendAll(ref writer, paths.Sources);
                        break;
                }
            }

            return writer.Build();
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static IEnumerable<string> Texts(TemplateSegment[] segments)
    {
        foreach (var segment in segments)
        {
            yield return segment.Text;
        }
    }

    private static int JoinedLength(ReadOnlySpan<string> paths)
    {
        var length = paths.Length;
        foreach (var path in paths)
        {
            length += ShellQuote.Length(path);
        }

        return length;
    }

    private static void AppendFirst(ref CollapsingWriter writer, ReadOnlySpan<string> paths)
    {
        if (!paths.IsEmpty)
        {
            ShellQuote.Append(ref writer, paths[0]);
        }
    }

    private static void AppendAll(ref CollapsingWriter writer, ReadOnlySpan<string> paths)
    {
        for (var i = 0; i < paths.Length; i++)
        {
            if (i > 0)
            {
                writer.Separate();
            }

            ShellQuote.Append(ref writer, paths[i]);
        }
    }
}
