namespace Toolkit.SyntheticProjects.Ninja;

/// <summary>A non-phony build statement evaluated: its command line and header dependencies (paths as ninja keeps them).</summary>
internal sealed record NinjaStatement(NinjaEdge Edge, string Command, IReadOnlyList<string> HeaderDependencies, bool FromDepfile);
