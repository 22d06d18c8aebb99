namespace Toolkit.SyntheticProjects.Tests.Peers;

/// <summary>A small reader of the generated Makefile for tests: rules <c>target: prereqs</c> and their recipes.</summary>
public static class MakefileTestParser
{
    public static ParsedGraph Parse(string path)
    {
        var graph = new ParsedGraph();
        var phony = new HashSet<string>(StringComparer.Ordinal);
        var rules = new List<(string Target, string[] Prerequisites)>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line[0] == '#' || line[0] == '\t')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0 && (colon < 0 || equals < colon))
            {
                continue;
            }

            Assert.True(colon > 0, $"{path}:{number}: not a rule: {line}");
            var target = line[..colon].Trim();
            var prerequisites = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.DoesNotContain("|", prerequisites);
            if (target == ".PHONY")
            {
                phony.UnionWith(prerequisites);
                continue;
            }

            rules.Add((target, prerequisites));
        }

        foreach (var (target, prerequisites) in rules)
        {
            if (phony.Contains(target))
            {
                graph.Aliases[target] = [.. prerequisites];
            }
            else
            {
                graph.Add(target, "rule", prerequisites);
            }
        }

        return graph;
    }
}
