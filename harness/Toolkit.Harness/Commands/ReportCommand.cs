using System.CommandLine;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Reporting;
using Toolkit.Harness.Results;
using Toolkit.Harness.Terminal;

namespace Toolkit.Harness.Commands;

/// <summary>
/// <c>toolkit report --from results/FILE.json --out results</c>: writes the results pages (README,
/// scaling, reduce-memory, one recommendation page per optimization, SVG charts) from the results file alone.
/// </summary>
public static class ReportCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var from = new Option<FileInfo>("--from") { Description = "The results file of toolkit scale (JSON)", HelpName = "FILE", Required = true };
        var output = CommonOptions.OutDirectory("The directory to write the pages into (README.md, scaling.md, reduce-memory.md, recommendations/, charts/)", "results");
        var command = new Command("report", "Write the markdown pages and SVG charts of a scaling run from its results file") { from, output };
        command.SetAction(parse =>
        {
            var outDirectory = parse.GetRequiredValue(output);
            UserPaths.RequireOutputDirectory(outDirectory, "--out");
            var results = ResultsFile.Read(parse.GetRequiredValue(from).ToString());
            var written = UserPaths.Io("--out " + outDirectory, () => ReportGenerator.Write(results, outDirectory.FullName));
            foreach (var path in written)
            {
                Output.Line("wrote " + Path.GetRelativePath(Environment.CurrentDirectory, path));
            }

            return ExitCodes.Success;
        });
        return command.WithExamples("toolkit report --from results/scale-c-libraries-20250101-120000.json --out results");
    }
}
