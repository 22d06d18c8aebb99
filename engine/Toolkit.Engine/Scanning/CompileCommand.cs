namespace Toolkit.Engine.Scanning;

/// <summary>One entry of a compile_commands.json: the directory the compile runs in (absolute), the source as written, and the command's words.</summary>
public sealed record CompileCommand(string Directory, string File, IReadOnlyList<string> Arguments)
{
    /// <summary>The preprocessing flags of the command.</summary>
    public CompilerFlags Flags => CompilerFlags.ParseCommand(Arguments);
}
