namespace Toolkit.SyntheticProjects.Ninja;

/// <summary>Evaluates each non-phony statement's command and finds its header dependencies (deps log first, then its depfile).</summary>
internal static class NinjaStatements
{
    public static List<NinjaStatement> Evaluate(NinjaGraph graph, DepsLog? log, List<string> warnings)
    {
        var statements = new List<NinjaStatement>(graph.Edges.Count);
        var missingDeps = 0;
        var dyndeps = 0;
        foreach (var edge in graph.Edges)
        {
            if (edge.IsPhony)
            {
                continue;
            }

            var variables = new NinjaEdgeVariables(edge);
            var command = ResponseFileCommand(variables.Lookup("command"), variables.Lookup("rspfile"), variables.Lookup("rspfile_content"));
            var deps = variables.Lookup("deps");
            dyndeps += variables.Lookup("dyndep").Length > 0 ? 1 : 0;
            IReadOnlyList<string> headers = [];
            var fromDepfile = false;
            if (deps is "gcc" or "msvc" && log?.For(edge.Outputs[0]) is { } recorded)
            {
                headers = recorded;
            }
            else if (variables.Lookup("depfile") is { Length: > 0 } depfile && Depfile.Read(Path.GetFullPath(depfile, graph.BuildDirectory)) is { } read)
            {
                headers = read;
                fromDepfile = true;
            }
            else if (deps is "gcc" or "msvc")
            {
                missingDeps++;
            }

            statements.Add(new NinjaStatement(edge, command, headers, fromDepfile));
        }

        if (missingDeps > 0)
        {
            warnings.Add($"{missingDeps} statements with deps = gcc/msvc have no record in the deps log (not built yet?): imported without header dependencies");
        }

        if (dyndeps > 0)
        {
            warnings.Add($"{dyndeps} statements have a dyndep file: the inputs and outputs it adds when ninja loads it during the build are not imported (Fortran and C++ module builds need them)");
        }

        if (graph.ValidationStatements > 0)
        {
            warnings.Add($"{graph.ValidationStatements} statements name validations (|@, {graph.ValidationPaths} paths): ninja builds them alongside the statement, never as its dependency; left out, so the engine does not build them");
        }

        return statements;
    }

    /// <summary>
    /// The command of a statement with an <c>rspfile</c>, as one shell command that does what ninja does
    /// around it: writes the response file (<c>printf</c> is the shell's own, so a content of any length
    /// passes no exec's argument limit), runs the command, and removes the file when it succeeded (ninja
    /// keeps it after a failure too, for a look). Without this the engine would run the command with no
    /// response file to read (CMake's links read their objects from one). The command runs in a subshell so
    /// that its own <c>;</c>, <c>||</c> or <c>&amp;&amp;</c> keep their meaning; a newline in the content
    /// becomes a space in the manifest, as in every command, which a compiler's <c>@file</c> reads alike.
    /// </summary>
    internal static string ResponseFileCommand(string command, string rspfile, string content) =>
        rspfile.Length == 0
            ? command
            : $"printf '%s' {NinjaPaths.ShellEscaped(content)} > {NinjaPaths.ShellEscaped(rspfile)} && ({command}) && rm -f {NinjaPaths.ShellEscaped(rspfile)}";
}
