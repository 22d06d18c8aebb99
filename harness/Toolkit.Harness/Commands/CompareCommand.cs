using System.CommandLine;
using System.Globalization;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Comparison;
using Toolkit.Harness.Terminal;
using Toolkit.Optimizations;

namespace Toolkit.Harness.Commands;

/// <summary>
/// <c>toolkit compare A.json B.json</c>, <c>--variants X,Y</c> or <c>--refs A,B</c>: per metric, medians, the
/// ratio B/A with its exact 95% interval and the verdict that interval allows (same, better, worse, no
/// measurable difference, too few runs); <c>--verdicts A.json B.json</c>: two runs' page verdicts side by
/// side. Exit codes: 0 no regression, 3 a regression beyond --fail-on-regression, 1 bad input or a gate
/// with too few runs to decide.
/// </summary>
public static class CompareCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create(VariantFactory variants)
    {
        var o = new CompareOptions(variants);
        var command = SelfInterrupting.Mark(new Command("compare", "Compare two results files, two variants or two git refs measured now, metric by metric with a verdict read from the 95% interval; or two runs' verdicts"));
        o.AddTo(command);
        command.SetAction((parse, cancellation) =>
        {
            var request = o.Request(parse);
            var outFile = parse.GetValue(o.Out);
            UserPaths.RequireParentDirectory(outFile, "--out");
            using var signals = new InterruptSignals(cancellation);
            try
            {
                if (outFile is null)
                {
                    return Task.FromResult(CompareRunner.Run(request, Console.Out, Console.Error, cancellation: signals.Token));
                }

                var text = new StringWriter(CultureInfo.InvariantCulture);
                var code = CompareRunner.Run(request, text, Console.Error, cancellation: signals.Token);
                UserPaths.Io("--out " + outFile, () => File.WriteAllText(outFile.FullName, text.ToString()));
                Console.Error.WriteLine($"toolkit: wrote {outFile.FullName}");
                return Task.FromResult(code);
            }
            catch (OperationCanceledException) when (signals.Signal is not null)
            {
                // The measured processes are ended and the refs' worktrees removed on the way out.
                Output.Error($"interrupted by {signals.Name}: nothing compared{(outFile is null ? string.Empty : ", nothing written to " + outFile.FullName)}");
                return Task.FromResult(signals.ExitCode);
            }
        });
        return command.WithExamples(
            "toolkit compare results/local/before/scale-c-libraries-1.json results/local/after/scale-c-libraries-2.json",
            "toolkit compare --variants baseline,optimized --sources 10k --fail-on-regression 5",
            "toolkit compare --refs main,my-branch --sources 10k --format markdown --fail-on-regression 5",
            "toolkit compare --verdicts run1/scale-c-libraries-1.json run2/scale-c-libraries-2.json");
    }
}
