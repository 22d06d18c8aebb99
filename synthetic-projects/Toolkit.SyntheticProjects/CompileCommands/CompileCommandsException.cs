namespace Toolkit.SyntheticProjects.CompileCommands;

/// <summary>A compile_commands.json that cannot be imported: the message names the file and the line or JSON path (<c>$[3].file</c>) and the reason, on one line.</summary>
public sealed class CompileCommandsException : UserErrorException
{
    /// <summary>Creates the error for a place in the file ("" for the file as a whole).</summary>
    public CompileCommandsException(string file, string where, string problem)
        : base(where.Length > 0 ? $"{file}:{where}: {problem}" : $"{file}: {problem}")
    {
    }
}
