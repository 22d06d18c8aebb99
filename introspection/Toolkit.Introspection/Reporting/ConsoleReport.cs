using System.Text;
using Toolkit.Introspection.Tracking;

namespace Toolkit.Introspection.Reporting;

/// <summary>Tracker stats as plain-text tables for a console: snapshots, types and largest instances of the last snapshot, lifetimes, field breakdowns.</summary>
public static class ConsoleReport
{
    public static string Render(TrackerStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var sb = new StringBuilder();
        sb.Append(StatsTables.Summary(stats)).Append("\n\n");
        sb.Append("Snapshots\n").Append(StatsTables.Snapshots(stats).ToText()).Append('\n');
        if (stats.Snapshots.Count > 0)
        {
            var last = stats.Snapshots[^1];
            sb.Append($"Types at \"{last.Label}\"\n").Append(StatsTables.Types(last).ToText()).Append('\n');
            sb.Append($"Largest instances at \"{last.Label}\"\n").Append(StatsTables.Largest(stats, last).ToText()).Append('\n');
            if (last.FieldTotals.Count > 0)
            {
                sb.Append($"Bytes by field at \"{last.Label}\"\n").Append(StatsTables.Fields(last).ToText()).Append('\n');
            }
        }

        sb.Append("Lifetimes\n").Append(StatsTables.Lifetimes(stats).ToText());
        return sb.ToString();
    }
}
