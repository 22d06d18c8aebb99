using System.Text;

namespace Toolkit.SyntheticProjects.Generation;

/// <summary>
/// Writes the files of planned directories (headers and sources) to disk. One per worker
/// thread: it reuses one StringBuilder and one byte buffer for every file, so writing a file
/// allocates little beyond its path.
/// </summary>
internal sealed class DirectoryWriter(string root) : IDisposable
{
    /// <summary>Start capacity of the text buffer: a typical generated source or header fits.</summary>
    private const int InitialTextChars = 8 * 1024;

    private readonly FileEmitter _emitter = new(root);
    private readonly StringBuilder _text = new(InitialTextChars);

    public long Files => _emitter.Files;

    public long Bytes => _emitter.Bytes;

    public void Write(DirectoryPlan directory)
    {
        System.IO.Directory.CreateDirectory(Path.Combine(root, directory.Name));
        foreach (var header in directory.Headers)
        {
            Header(header);
        }

        foreach (var source in directory.Sources)
        {
            if (source.LargeSeed is null)
            {
                _text.Clear();
                CSourceText.Source(_text, source);
                _emitter.Write(source.Path, _text);
            }
            else
            {
                _emitter.Add(1, LargeSourceWriter.Write(Path.Combine(root, source.Path), source, _text));
            }
        }
    }

    public void Header(HeaderPlan header)
    {
        _text.Clear();
        CSourceText.Header(_text, header);
        _emitter.Write(header.Path, _text);
    }

    public void Main(ProgramPlan program)
    {
        _text.Clear();
        CSourceText.Main(_text, program);
        _emitter.Write(program.MainPath, _text);
    }

    public void Dispose() => _emitter.Dispose();
}
