using System.CommandLine;
using Toolkit.Harness.Reporting;
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
        var from = new Option<FileInfo>("--from") { Description = "The results file of toolkit scale (JSON)", Required = true };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The directory to write the pages into (README.md, scaling.md, reduce-memory.md, recommendations/, charts/)", DefaultValueFactory = _ => new DirectoryInfo("results") };
        var command = new Command("report", "Write the markdown pages and SVG charts of a scaling run from its results file") { from, output };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var file = parse.GetRequiredValue(from);
            try
            {
                var results = ScaleResultsFile.Read(file.FullName);
                var written = ReportGenerator.Write(results, parse.GetRequiredValue(output).FullName);
                foreach (var path in written)
                {
                    Output.Line("wrote " + Path.GetRelativePath(System.Environment.CurrentDirectory, path));
                }

                return 0;
            }
            catch (ResultsFileException exception)
            {
                Output.Error(exception.Message);
                return CommandRunner.UserError;
            }
        }));
        return command;
    }
}
