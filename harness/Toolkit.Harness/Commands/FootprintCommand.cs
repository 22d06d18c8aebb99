using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Measuring;
using Toolkit.Harness.Results;
using Toolkit.Harness.Terminal;
using Toolkit.Optimizations;

namespace Toolkit.Harness.Commands;

/// <summary>
/// <c>toolkit footprint DIR --variant NAME [-n] [--clean] [--json]</c>: loads and builds the project in
/// this process and reports what the graph costs (docs/measuring.md).
/// </summary>
public static class FootprintCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create(VariantFactory variants)
    {
        var directory = UserPaths.ProjectArgument();
        var variant = new Option<string>("--variant") { Description = $"The memory variant: {string.Join(", ", variants.Names)}", DefaultValueFactory = _ => "baseline" };
        variant.Validators.Add(BuildCommand.VariantValidator(variants));
        var dryRun = CommonOptions.DryRun("Measure a dry run instead of a build");
        var clean = new Option<bool>("--clean") { Description = "Remove built files and the database first, so the measured build is a full build" };
        var jobs = CommonOptions.Jobs();
        var noDepsLog = CommonOptions.NoDependencyLog();
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table" };
        var command = new Command("footprint", "Measure a variant's memory and time on a project: retained bytes per node, allocations, GCs, peak RSS, load and null-build time")
        {
            directory, variant, dryRun, clean, jobs, noDepsLog, json,
        };
        command.SetAction(parse =>
        {
            var root = UserPaths.RequireProject(parse.GetRequiredValue(directory));
            var record = UserPaths.Io(root, () => FootprintMeasurer.Measure(root, variants.Get(parse.GetValue(variant) ?? "baseline"), parse.GetValue(dryRun), parse.GetValue(jobs), parse.GetValue(clean), !parse.GetValue(noDepsLog)));
            if (parse.GetValue(json))
            {
                Output.Line(JsonSerializer.Serialize(record, ResultsJson.Write));
                return ExitCodes.Success;
            }

            foreach (var (name, value) in Rows(record))
            {
                Output.Line($"{name,-28} {value}");
            }

            return ExitCodes.Success;
        });
        return command.WithExamples(
            "toolkit footprint /tmp/p10k --variant slots",
            "toolkit footprint /tmp/p10k --variant optimized --clean --json");
    }

    private static IEnumerable<(string Name, string Value)> Rows(FootprintRecord r)
    {
        var c = CultureInfo.InvariantCulture;
        yield return ("variant", r.Variant);
        yield return ("nodes", r.Nodes.ToString("N0", c));
        yield return ("edges", r.Edges.ToString("N0", c));
        yield return ("retained after load", $"{r.RetainedBytesAfterLoad.ToString("N0", c)} bytes ({r.BytesPerNodeAfterLoad.ToString("0.0", c)} per node)");
        yield return ("retained after build", $"{r.RetainedBytesAfterBuild.ToString("N0", c)} bytes ({r.BytesPerNode.ToString("0.0", c)} per node)");
        yield return ("allocated", r.AllocatedBytes.ToString("N0", c) + " bytes");
        if (r.AllocatedBytesByRead is { } read && r.AllocatedBytesByScan is { } scan && r.AllocatedBytesByDatabase is { } database)
        {
            var nodes = (double)Math.Max(1, r.Nodes);
            yield return ("allocated by load per node", $"{((read + scan + database) / nodes).ToString("0", c)} bytes: read {(read / nodes).ToString("0", c)}, scan {(scan / nodes).ToString("0", c)}, database {(database / nodes).ToString("0", c)}");
        }

        yield return ("GCs (gen0/gen1/gen2)", $"{r.Gen0Collections}/{r.Gen1Collections}/{r.Gen2Collections}, {r.GcPauseSeconds.ToString("0.000", c)} s paused");
        yield return ("peak RSS", r.PeakRssBytes.ToString("N0", c) + " bytes");
        yield return ("load", r.LoadSeconds.ToString("0.000", c) + " s");
        yield return (r.DryRun ? "dry run" : "build", $"{r.BuildSeconds.ToString("0.000", c)} s, {r.ActionsRun.ToString("N0", c)} actions");
        yield return ("null build (open + build)", r.NullBuildSeconds.ToString("0.000", c) + " s");
    }
}
