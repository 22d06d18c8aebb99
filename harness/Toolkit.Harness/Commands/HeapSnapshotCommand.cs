using System.CommandLine;
using Toolkit.Harness.Commands.Help;
using Toolkit.Harness.Terminal;
using Toolkit.Introspection.Heap;

namespace Toolkit.Harness.Commands;

/// <summary><c>toolkit heap snapshot --pid N | --self | --core FILE --out FILE.heap [--no-string-contents]</c>.</summary>
public static class HeapSnapshotCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var pid = new Option<int?>("--pid")
        {
            Description = "Capture the .NET process with this id: attached (ptrace) and stopped while its heap is read, then let go (a child of the toolkit is read through a createdump snapshot instead)",
        };
        var self = new Option<bool>("--self") { Description = "Capture the toolkit process itself (for tests and demonstrations)" };
        var core = new Option<FileInfo?>("--core") { Description = "Read a core dump written by createdump" };
        var output = new Option<FileInfo>("--out", "-o")
        {
            Description = "The heap file to write (mode 600: it holds string contents; written beside and renamed, so a link there is replaced, not followed)",
            Required = true,
        };
        var noStrings = new Option<bool>("--no-string-contents") { Description = "Record string lengths only, not their contents (no paths or secrets in the file)" };
        var throughDump = new Option<bool>("--through-dump")
        {
            Description = "With --pid: have createdump write the process to a private temporary dump and read that instead of the live process (needs disk for all of its memory and about twice the CPU; off by default)",
        };
        // Before in-place reading was the default, it had to be asked for; kept so that scripts keep working.
        var suspend = new Option<bool>("--suspend") { Description = "With --pid: read the process in place (the default)", Hidden = true };
        var stats = new Option<bool>("--stats")
        {
            Description = "Print to stderr the time of each capture step (createdump, open, objects, roots, the write on its second thread) and the peak RSS (off by default)",
        };
        // It listens for SIGINT/SIGTERM/SIGHUP itself: ended by System.CommandLine it would leave the heap file's temporary (and a dump).
        var command = SelfInterrupting.Mark(new Command("snapshot", "Capture a managed heap to a heap file")
        {
            pid, self, core, output, noStrings, throughDump, suspend, stats,
        });
        command.SetAction((parse, cancellation) => Task.FromResult(CommandRunner.Run(() =>
        {
            var sources = (parse.GetValue(pid) is not null ? 1 : 0) + (parse.GetValue(self) ? 1 : 0) + (parse.GetValue(core) is not null ? 1 : 0);
            if (sources != 1)
            {
                throw new UsageException("heap snapshot: give exactly one of --pid N, --self, --core FILE");
            }

            var path = parse.GetRequiredValue(output).FullName;
            if (parse.GetValue(throughDump) && parse.GetValue(suspend))
            {
                throw new UsageException("heap snapshot: give at most one of --through-dump and --suspend");
            }
            var mode = parse.GetValue(throughDump) ? HeapCaptureMode.ThroughDump : parse.GetValue(suspend) ? HeapCaptureMode.InPlace : HeapCaptureMode.Auto;
            using var signals = new InterruptSignals(cancellation);
            var options = new HeapCaptureOptions { RecordStringContents = !parse.GetValue(noStrings), Mode = mode, Cancellation = signals.Token };
            if (parse.GetValue(self))
            {
                Introspecting.BuildIntrospection.CollectGarbage();
            }

            HeapCaptureResult result;
            try
            {
                result = Output.WithProgress("capturing the heap", _ =>
                    parse.GetValue(pid) is { } id ? HeapSnapshot.CaptureProcess(id, path, options)
                    : parse.GetValue(core) is { } dump ? HeapSnapshot.CaptureDump(dump.FullName, path, options)
                    : HeapSnapshot.CaptureSelf(path, options));
            }
            catch (OperationCanceledException) when (signals.Signal is not null)
            {
                Output.Error($"interrupted by {signals.Name}: {path} was not written (an attached process is let go as the toolkit exits)");
                return signals.ExitCode;
            }
            Output.Line(result.ToText());
            if (parse.GetValue(stats))
            {
                var (peak, _) = Introspecting.HeapStepStats.ProcessMemory();
                Console.Error.WriteLine($"toolkit: stats: capture: {result.PhasesText()}; peak RSS {peak / 1048576.0:N0} MiB");
            }
            return 0;
        })));
        return command.WithExamples("toolkit heap snapshot --pid 4242 -o app.heap", "toolkit heap snapshot --core app.core -o app.heap --no-string-contents", "toolkit heap snapshot --pid 4242 --through-dump -o app.heap --stats");
    }
}
