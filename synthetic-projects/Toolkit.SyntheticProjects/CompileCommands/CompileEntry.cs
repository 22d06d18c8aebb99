namespace Toolkit.SyntheticProjects.CompileCommands;

/// <summary>One compile command reduced to what the manifest needs, as full paths: the source, the object, the compiler, include directories, defines and the other flags.</summary>
internal sealed record CompileEntry(
    string Source,
    string Output,
    string Compiler,
    IReadOnlyList<string> IncludeDirectories,
    IReadOnlyList<string> Defines,
    IReadOnlyList<string> OtherFlags,
    string JsonPath);
