using System.Globalization;
using System.Text;
using Toolkit.Introspection.Tracking;

namespace Toolkit.Engine.Debugging;

/// <summary>
/// <c>--debug=count</c>: instances per engine type, as SCons's <c>--debug=count</c>, annotated with
/// sizes: alive at the last snapshot, created in all (every instance the tracker ever saw), the bytes
/// the alive ones own (an instance owns what no other tracked instance reaches first) and their
/// average; then the store's named parts (its arrays and tables).
/// </summary>
public static class DebugCountReport
{
    /// <summary>Renders the table for the last snapshot of <paramref name="stats"/>.</summary>
    public static string Render(TrackerStats stats, int nodeCount)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var last = stats.Snapshots.Count > 0 ? stats.Snapshots[^1] : null;
        text.Append(c, $"Object counts (graph: {nodeCount:N0} nodes; sizes are what each instance owns, at '{last?.Label ?? "none"}'):\n");
        text.Append(c, $"{"alive",10} {"created",10} {"bytes",14} {"avg",8}  type\n");
        var named = stats.Instances.Where(i => i.Name is not null).Select(i => i.Id).ToHashSet();
        var created = stats.Instances.Where(i => i.Name is null).GroupBy(i => i.TypeName).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        var alive = new Dictionary<string, (long Count, long Bytes)>(StringComparer.Ordinal);
        var parts = new List<(string Name, string Type, long Bytes)>();
        if (last is not null)
        {
            var (ids, sizes) = stats.LiveSizes(last);
            for (var i = 0; i < ids.Length; i++)
            {
                var instance = stats.Instances[ids[i]];
                if (named.Contains(instance.Id))
                {
                    parts.Add((instance.Name!, instance.TypeName, sizes[i]));
                    continue;
                }

                var (count, bytes) = alive.GetValueOrDefault(instance.TypeName);
                alive[instance.TypeName] = (count + 1, bytes + sizes[i]);
            }
        }

        foreach (var type in created.Keys.Union(alive.Keys).OrderByDescending(t => alive.GetValueOrDefault(t).Bytes).ThenBy(t => t, StringComparer.Ordinal))
        {
            var (count, bytes) = alive.GetValueOrDefault(type);
            var average = count == 0 ? 0 : bytes / count;
            text.Append(c, $"{count,10:N0} {created.GetValueOrDefault(type),10:N0} {bytes,14:N0} {average,8:N0}  {type}\n");
        }

        if (parts.Count > 0)
        {
            text.Append("Store parts (named; bytes they own besides the instances above):\n");
            foreach (var (name, type, bytes) in parts.OrderByDescending(p => p.Bytes).ThenBy(p => p.Name, StringComparer.Ordinal))
            {
                text.Append(c, $"{bytes,14:N0}  {name} ({type})\n");
            }
        }

        if (last is not null)
        {
            text.Append(c, $"total tracked: {last.TotalBytes:N0} bytes in {last.LiveCount:N0} instances; tracker overhead {last.OverheadBytes:N0} bytes\n");
        }

        return text.ToString();
    }
}
