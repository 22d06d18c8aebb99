using System.Diagnostics;
using Toolkit.Engine.Manifest;
using Toolkit.SyntheticProjects.Importing;

namespace Toolkit.SyntheticProjects.Ninja;

/// <summary>
/// Imports a build.ninja, as CMake, GN and Meson write it, into the engine's manifest: every build
/// statement a Command build keeping its command line, its explicit, implicit and order-only inputs,
/// its implicit outputs, and its header dependencies from <c>.ninja_deps</c> (statements with
/// <c>deps = gcc|msvc</c>) or from their depfiles on disk; a statement with an <c>rspfile</c> writes it
/// before its command and removes it after, as ninja does; phony statements become aliases; pools,
/// descriptions and restat are read and left out; validations (<c>|@</c>) and dyndep files are left out with a warning each. Memory: the parsed statements are
/// held until the manifest is written (as ninja holds its State); the manifest is streamed.
/// </summary>
public static class NinjaImporter
{
    /// <summary>Imports <paramref name="buildNinja"/> into <paramref name="outputDirectory"/>/toolkit.manifest.</summary>
    /// <exception cref="NinjaException">The file or one it includes cannot be read or is not valid ninja.</exception>
    public static NinjaImportResult Import(string buildNinja, string outputDirectory)
    {
        var stopwatch = Stopwatch.StartNew();
        var input = Path.GetFullPath(buildNinja);
        if (InputFile.WhyNot(input) is { } why)
        {
            throw new NinjaException(input, 0, why);
        }

        var graph = NinjaParser.Parse(input);
        var warnings = new List<string>();
        var builddir = graph.RootScope.Lookup("builddir");
        var logPath = Path.GetFullPath(Path.Combine(graph.BuildDirectory, builddir, ".ninja_deps"));
        var log = DepsLog.Read(logPath);
        if (log?.Problem is { } problem)
        {
            warnings.Add($"{logPath}: {problem}");
        }

        var statements = NinjaStatements.Evaluate(graph, log, warnings);
        Directory.CreateDirectory(outputDirectory);
        var manifestPath = Path.Combine(Path.GetFullPath(outputDirectory), ManifestWriter.FileName);
        var root = NinjaManifestWriter.Write(manifestPath, input, graph, statements, warnings);
        var buildEdges = graph.Edges.Where(e => !e.IsPhony).ToList();
        var nodes = new HashSet<string>(graph.Nodes, StringComparer.Ordinal);
        foreach (var statement in statements)
        {
            nodes.UnionWith(statement.HeaderDependencies);
        }

        return new NinjaImportResult
        {
            ManifestPath = manifestPath,
            RootDirectory = root,
            FilesRead = graph.FilesRead.Count,
            Rules = graph.Rules,
            BuildStatements = buildEdges.Count,
            PhonyStatements = graph.Edges.Count - buildEdges.Count,
            Outputs = graph.Producers.Count,
            Nodes = nodes.Count,
            ExplicitInputs = graph.Edges.Sum(e => e.ExplicitInputs),
            ImplicitInputs = graph.Edges.Sum(e => e.ImplicitInputs),
            OrderOnlyInputs = graph.Edges.Sum(e => e.OrderOnlyInputs),
            HeaderDependencies = statements.Sum(s => s.HeaderDependencies.Count),
            StatementsWithHeaderDependencies = statements.Count(s => s.HeaderDependencies.Count > 0),
            HeaderDependencySource = log is { Problem: null } || log?.Records > 0 ? logPath + (statements.Any(s => s.FromDepfile) ? " and depfiles" : "") : statements.Any(s => s.FromDepfile) ? "depfiles" : "none",
            Defaults = graph.Defaults.Count,
            Warnings = warnings,
            Elapsed = stopwatch.Elapsed,
        };
    }
}
