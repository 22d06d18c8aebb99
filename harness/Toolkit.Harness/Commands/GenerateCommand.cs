using System.CommandLine;
using System.Globalization;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Terminal;
using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.Harness.Commands;

/// <summary>
/// <c>toolkit generate --shape SHAPE --sources N --seed S --out DIR</c>: writes a synthetic C project
/// (sources, headers, the manifest, and a Makefile, build.ninja and SConstruct of the same graph).
/// </summary>
public static class GenerateCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var shape = CommonOptions.Shape("The graph's shape");
        var sources = CommonOptions.Sources($"Number of C sources ({GeneratorOptions.MinSources} to 1M)", 1_000);
        var seed = CommonOptions.Seed("Seed of the generator: the same seed gives the same tree, byte for byte");
        var output = CommonOptions.OutDirectory("The directory to write the project into (absent, empty, or a project generated earlier)");
        var largeFiles = new Option<int>("--large-files")
        {
            Description = $"Add this many sources of {ProjectGenerator.LargeFileBytes >> 20} MiB each (for the hashing study)",
            HelpName = "N",
            CustomParser = OptionParsers.Integer("--large-files", 0, GeneratorOptions.MaxLargeFiles),
        };
        var realTools = new Option<bool>("--real-tools") { Description = "Mark the project to be built with cc and ar (toolkit build then runs the real tools)" };
        var command = new Command("generate", "Write a synthetic C project and its Makefile, build.ninja and SConstruct") { shape, sources, seed, output, largeFiles, realTools };
        command.SetAction(parse =>
        {
            var outDirectory = parse.GetRequiredValue(output);
            var options = new GeneratorOptions(parse.GetValue(shape), parse.GetValue(sources), parse.GetValue(seed), outDirectory.FullName, parse.GetValue(largeFiles), parse.GetValue(realTools));
            try
            {
                options.Validate();
            }
            catch (ArgumentException exception)
            {
                throw UsageException.From(exception);
            }

            var result = UserPaths.Io("--out", () => Output.WithProgress("generating", report =>
                ProjectGenerator.Generate(options, new InlineProgress<GenerationProgress>(p => report(p.DirectoriesDone, p.DirectoriesTotal)))));
            var c = result.Counts;
            Output.Line(string.Create(CultureInfo.InvariantCulture, $"toolkit: generated {options.ToCommandLine()} in {result.Elapsed.TotalSeconds:0.00} s"));
            Output.Line(string.Create(CultureInfo.InvariantCulture, $"sources {c.Sources}, headers {c.Headers}, derived files {c.DerivedFiles}, directories {c.Directories}, nodes {c.Nodes}, edges {c.Edges}"));
            Output.Line(string.Create(CultureInfo.InvariantCulture, $"files written {result.FilesWritten}, bytes written {result.BytesWritten}"));
            return ExitCodes.Success;
        });
        return command.WithExamples(
            "toolkit generate --sources 10k --out /tmp/p10k",
            "toolkit generate --shape deep-chain --sources 1M --seed 7 -o /tmp/chain");
    }
}
