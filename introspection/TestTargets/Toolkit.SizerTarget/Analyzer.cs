using Toolkit.Introspection.Reporting;
using Toolkit.Introspection.Tracking;

namespace Toolkit.SizerTarget;

/// <summary>Loads saved tracker stats (written by another process) and prints the console report; optionally writes the HTML page.</summary>
internal static class Analyzer
{
    public static int Run(string path, string? htmlOut)
    {
        try
        {
            var stats = TrackerStats.Load(path);
            Console.Out.Write(ConsoleReport.Render(stats));
            if (htmlOut is not null)
            {
                File.WriteAllText(htmlOut, HtmlReport.Render(stats));
            }

            return 0;
        }
        catch (TrackerStatsFormatException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }
}
