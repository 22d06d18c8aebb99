namespace Toolkit.Engine.Scanning;

/// <summary>Parses a file's logical text (byte order mark dropped, continuations spliced); see <see cref="LineSplicer.ParseLogical{T}"/>.</summary>
internal delegate T LogicalTextParser<out T>(ReadOnlySpan<byte> text);
