using Toolkit.Introspection.Reporting;
using Toolkit.Introspection.Tracking;

namespace HeapMonitor;

/// <summary>Saved stats analysed in a process that never saw the tracked program: type names are strings.</summary>
internal static class AnalyzeSample
{
    public static int Run(string path, string? outDir)
    {
        TrackerStats stats;
        try
        {
            stats = TrackerStats.Load(path);            // checks the version and every field; streams the file
        }
        catch (TrackerStatsFormatException e)
        {
            Console.Error.WriteLine(e.Message);         // one line: the file, the field, the fault
            return 1;
        }

        var last = stats.Find("after-build") ?? stats.Snapshots[^1];
        foreach (var (instance, bytes) in stats.LargestInstances(last, 5))
        {
            Console.WriteLine($"{instance.TypeName} {instance.Name} {bytes}");
        }

        Console.WriteLine($"{stats.Deaths().Count()} instances died");
        Console.Write(ConsoleReport.Render(stats));     // plain-text tables
        if (outDir is not null)
        {
            File.WriteAllText(Path.Combine(outDir, "track.md"), MarkdownReport.Render(stats));
            File.WriteAllText(Path.Combine(outDir, "analyzed.html"), HtmlReport.Render(stats));
        }

        return 0;
    }
}
