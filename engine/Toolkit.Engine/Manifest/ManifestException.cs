namespace Toolkit.Engine.Manifest;

/// <summary>A manifest that cannot be read: the message names the file and the line.</summary>
public sealed class ManifestException : UserErrorException
{
    /// <summary>Creates the error for a place in a file.</summary>
    public ManifestException(string file, int line, string problem)
        : base(line > 0 ? $"{file}:{line}: {problem}" : $"{file}: {problem}")
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    /// <summary>The manifest file.</summary>
    public string File { get; }

    /// <summary>The 1-based line, or 0 when the error is about the file as a whole.</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the place.</summary>
    public string Problem { get; }
}
