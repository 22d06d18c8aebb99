namespace Toolkit.Engine.Manifest;

/// <summary>
/// Lines of a manifest already decoded (a <see cref="TextReader"/>, as tests and tools pass text):
/// the same bound on line length and the same character checks as the UTF-8 source, counted in
/// characters since no bytes are seen.
/// </summary>
internal sealed class TextManifestLineSource : ManifestLineSource
{
    private readonly LineBuffer<char> _chars;
    private readonly Func<Exception> _tooLong;

    public TextManifestLineSource(TextReader reader, string fileName)
        : base(fileName)
    {
        _chars = new LineBuffer<char>(reader.Read, '\n');
        _tooLong = () => TooLong(Line + 1);
    }

    public override bool TryReadLine(out ReadOnlySpan<char> line)
    {
        if (!_chars.TryTakeLine(MaxLineBytes, _tooLong, out var text))
        {
            line = default;
            return false;
        }

        Line++;
        line = CheckCharacters(text);
        return true;
    }

    protected override void Dispose(bool disposing) => _chars.Dispose();
}
