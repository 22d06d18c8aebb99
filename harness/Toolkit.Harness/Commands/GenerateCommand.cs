using System.CommandLine;
using System.Globalization;
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
        var shape = new Option<string>("--shape") { Description = $"The graph's shape: {string.Join(", ", ProjectShapes.ValidNames)}", DefaultValueFactory = _ => "c-libraries" };
        var sources = new Option<string>("--sources") { Description = "Number of C sources (10 to 1M; 10k and 1M are understood)", DefaultValueFactory = _ => "1k" };
        var seed = new Option<int>("--seed") { Description = "Seed of the generator: the same seed gives the same tree, byte for byte", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The directory to write the project into", Required = true };
        var largeFiles = new Option<int>("--large-files") { Description = $"Add this many sources of {ProjectGenerator.LargeFileBytes >> 20} MiB each (for the hashing study)" };
        var realTools = new Option<bool>("--real-tools") { Description = "Mark the project to be built with cc and ar (toolkit build then runs the real tools)" };
        var command = new Command("generate", "Write a synthetic C project and its Makefile, build.ninja and SConstruct") { shape, sources, seed, output, largeFiles, realTools };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            if (!ProjectShapes.TryParse(parse.GetValue(shape), out var parsedShape))
            {
                throw new UsageException($"--shape: unknown shape '{parse.GetValue(shape)}'; valid shapes: {string.Join(", ", ProjectShapes.ValidNames)}");
            }

            var options = new GeneratorOptions(
                parsedShape,
                CountParser.Parse(parse.GetValue(sources) ?? "1k", "--sources"),
                parse.GetValue(seed),
                parse.GetRequiredValue(output).FullName,
                parse.GetValue(largeFiles),
                parse.GetValue(realTools));
            options.Validate();
            var result = Output.WithProgress("generating", report =>
                ProjectGenerator.Generate(options, new InlineProgress<GenerationProgress>(p => report(p.DirectoriesDone, p.DirectoriesTotal))));
            var c = result.Counts;
            Output.Line(string.Create(CultureInfo.InvariantCulture, $"toolkit: generated {options.ToCommandLine()} in {result.Elapsed.TotalSeconds:0.00} s"));
            Output.Line(string.Create(CultureInfo.InvariantCulture, $"sources {c.Sources}, headers {c.Headers}, derived files {c.DerivedFiles}, directories {c.Directories}, nodes {c.Nodes}, edges {c.Edges}"));
            Output.Line(string.Create(CultureInfo.InvariantCulture, $"files written {result.FilesWritten}, bytes written {result.BytesWritten}"));
            return 0;
        }));
        return command;
    }
}
