using System.CommandLine;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Reporting;
using Toolkit.Harness.Results;
using Toolkit.Harness.Terminal;

namespace Toolkit.Harness.Commands;

/// <summary>
/// <c>toolkit report --from FILE.json [--out DIR]</c>: writes the results pages (README, scaling, memory,
/// reduce-memory, one recommendation page per optimization, SVG charts, exports) from the results file alone,
/// beside the file unless --out says otherwise.
/// </summary>
public static class ReportCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var from = new Option<FileInfo>("--from") { Description = "The results file of toolkit scale (JSON)", HelpName = "FILE", Required = true };
        var output = new Option<DirectoryInfo?>("--out", "-o")
        {
            Description = "The directory to write the pages into (README.md, scaling.md, memory.md, reduce-memory.md, recommendations/, charts/, exports/)",
            HelpName = "DIR",
        }.ShowDefaultAs("the folder of the results file");
        var command = new Command("report", "Write the markdown pages and SVG charts of a scaling run from its results file") { from, output };
        command.SetAction(parse =>
        {
            var fromFile = parse.GetRequiredValue(from);
            var outDirectory = parse.GetValue(output) ?? fromFile.Directory ?? new DirectoryInfo(Environment.CurrentDirectory);
            UserPaths.RequireOutputDirectory(outDirectory, "--out");
            var results = ResultsFile.Read(fromFile.ToString());
            var written = UserPaths.Io("--out " + outDirectory, () => ReportGenerator.Write(results, outDirectory.FullName));
            foreach (var path in written)
            {
                Output.Line("wrote " + Path.GetRelativePath(Environment.CurrentDirectory, path));
            }

            return ExitCodes.Success;
        });
        return command.WithExamples(
            "toolkit report --from results/local/20260101-120000/scale-c-libraries-20260101-121500.json",
            "toolkit report --from /tmp/run1/scale-c-libraries-20260101-121500.json --out /tmp/pages");
    }
}
