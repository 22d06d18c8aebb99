namespace Toolkit.Harness.Measuring;

/// <summary>A peer build tool measured beside the engine on the same generated project.</summary>
/// <param name="Name">The name in results ("make", "ninja", "scons").</param>
/// <param name="Executable">The program looked up on PATH.</param>
/// <param name="Arguments">Its dry-run arguments, run in the project directory.</param>
public sealed record PeerTool(string Name, string Executable, IReadOnlyList<string> Arguments)
{
    /// <summary>GNU Make, Ninja and SCons, each in dry-run mode on the build file the generator wrote.</summary>
    public static IReadOnlyList<PeerTool> All { get; } =
    [
        new("make", "make", ["-n", "-f", "Makefile"]),
        new("ninja", "ninja", ["-n", "-f", "build.ninja"]),
        new("scons", "scons", ["-n", "-Q", "-f", "SConstruct"]),
    ];

    /// <summary>The command as a person would type it.</summary>
    public string CommandLine => Executable + " " + string.Join(' ', Arguments);
}
