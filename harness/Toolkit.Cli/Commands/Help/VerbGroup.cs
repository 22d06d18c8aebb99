using System.CommandLine;

namespace Toolkit.Harness.Commands.Help;

/// <summary>Verbs that serve one job, listed together under <paramref name="Title"/> in <c>toolkit --help</c>.</summary>
/// <param name="Title">The job, as the help names it ("Build a project").</param>
/// <param name="Verbs">The verbs, in the order the help lists them.</param>
public sealed record VerbGroup(string Title, IReadOnlyList<Command> Verbs);
