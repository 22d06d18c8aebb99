using System.CommandLine;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Terminal;
using Toolkit.SyntheticProjects.Ninja;

namespace Toolkit.Harness.Commands;

/// <summary>
/// <c>toolkit import-ninja build.ninja --out DIR</c>: reads a build.ninja as ninja does (includes,
/// subninjas, scopes, phony, .ninja_deps or depfiles) and writes its graph as a manifest, each
/// command kept.
/// </summary>
public static class ImportNinjaCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var input = new Argument<FileInfo>("build.ninja") { Description = "The build.ninja to import (its directory is the build directory; .ninja_deps there gives header dependencies)" };
        var output = CommonOptions.OutDirectory("Where to write toolkit.manifest");
        var command = new Command("import-ninja", "Import a build.ninja (CMake, GN, Meson, ...) as a manifest: every statement a Command build with its command, inputs by kind, implicit outputs, header dependencies, phony as aliases")
        {
            input, output,
        };
        command.SetAction(parse =>
        {
            var outDirectory = parse.GetRequiredValue(output);
            UserPaths.RequireOutputDirectory(outDirectory, "--out");
            var result = NinjaImporter.Import(parse.GetRequiredValue(input).FullName, outDirectory.FullName);
            foreach (var warning in result.Warnings)
            {
                Output.Warning(warning);
            }

            Output.Line($"toolkit: read {result.FilesRead} files: {result.Rules} rules, {result.BuildStatements} build statements, {result.PhonyStatements} phony, {result.Outputs} outputs, {result.Nodes} nodes, {result.Defaults} defaults");
            Output.Line($"toolkit: inputs {result.ExplicitInputs} explicit, {result.ImplicitInputs} implicit, {result.OrderOnlyInputs} order-only; header dependencies {result.HeaderDependencies} on {result.StatementsWithHeaderDependencies} statements (from {result.HeaderDependencySource})");
            Output.Line($"toolkit: wrote {result.ManifestPath} ({result.Elapsed.TotalSeconds:0.0} s)");
            return ExitCodes.Success;
        });
        return command.WithExamples(
            "toolkit import-ninja zlib/build/build.ninja --out /tmp/zlib");
    }
}
