namespace Toolkit.SyntheticProjects.Ninja;

/// <summary>A build.ninja (or an included file, a deps log) that cannot be imported: the message names the file, the line and the reason, on one line.</summary>
public sealed class NinjaException : UserErrorException
{
    /// <summary>Creates the error for a place in a file (line 0: the file as a whole).</summary>
    public NinjaException(string file, int line, string problem)
        : base(line > 0 ? $"{file}:{line}: {problem}" : $"{file}: {problem}")
    {
    }
}
