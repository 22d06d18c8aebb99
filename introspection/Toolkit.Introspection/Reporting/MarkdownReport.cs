using System.Text;
using Toolkit.Introspection.Tracking;

namespace Toolkit.Introspection.Reporting;

/// <summary>Tracker stats as a markdown page with the same tables as the console report.</summary>
public static class MarkdownReport
{
    public static string Render(TrackerStats stats, string title = "Heap monitor")
    {
        ArgumentNullException.ThrowIfNull(stats);
        var sb = new StringBuilder();
        sb.Append("# ").Append(title).Append("\n\n").Append(StatsTables.Summary(stats)).Append("\n\n");
        sb.Append("## Snapshots\n\n").Append(StatsTables.Snapshots(stats).ToMarkdown()).Append('\n');
        if (stats.Snapshots.Count > 0)
        {
            var last = stats.Snapshots[^1];
            sb.Append($"## Types at \"{last.Label}\"\n\n").Append(StatsTables.Types(last).ToMarkdown()).Append('\n');
            sb.Append($"## Largest instances at \"{last.Label}\"\n\n").Append(StatsTables.Largest(stats, last).ToMarkdown()).Append('\n');
            if (last.FieldTotals.Count > 0)
            {
                sb.Append($"## Bytes by field at \"{last.Label}\"\n\n").Append(StatsTables.Fields(last).ToMarkdown()).Append('\n');
            }
        }

        sb.Append("## Lifetimes\n\n").Append(StatsTables.Lifetimes(stats).ToMarkdown());
        return sb.ToString();
    }
}
