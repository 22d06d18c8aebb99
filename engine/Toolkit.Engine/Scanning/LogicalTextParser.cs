namespace Toolkit.Engine.Scanning;

/// <summary>Parses a file's logical text (byte order mark dropped, continuations spliced); see <see cref="LineSplicer.ParseLogical{T}"/>.</summary>
internal delegate T LogicalTextParser<out T>(ReadOnlySpan<byte> text);

/// <summary>As <see cref="LogicalTextParser{T}"/>, with a state the caller passes through (so no closure per file).</summary>
internal delegate T LogicalTextParser<in TState, out T>(ReadOnlySpan<byte> text, TState state);
