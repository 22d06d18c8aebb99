namespace Toolkit.SyntheticProjects.Tests.Ninja;

/// <summary>Reads what <c>ninja -t query T...</c> prints: per target, its rule, explicit, implicit (<c>|</c>) and order-only (<c>||</c>) inputs (its "outputs:" are its users, not read).</summary>
public sealed record NinjaQuery(string Rule, List<string> Explicit, List<string> Implicit, List<string> OrderOnly, List<string> Outputs)
{
    public static Dictionary<string, NinjaQuery> Parse(string text)
    {
        var queries = new Dictionary<string, NinjaQuery>(StringComparer.Ordinal);
        NinjaQuery? current = null;
        var section = "";
        foreach (var raw in text.Split('\n'))
        {
            if (raw.Length == 0)
            {
                continue;
            }

            if (!raw.StartsWith(' '))
            {
                current = new NinjaQuery("", [], [], [], []);
                queries[raw.TrimEnd(':')] = current;
                section = "";
                continue;
            }

            var line = raw.Trim();
            if (line.StartsWith("input: ", StringComparison.Ordinal))
            {
                queries[queries.Keys.Last()] = current = current! with { Rule = line["input: ".Length..] };
                section = "input";
            }
            else if (line is "outputs:" or "validations:")
            {
                section = line.TrimEnd(':');
            }
            else if (section == "input")
            {
                (line.StartsWith("|| ", StringComparison.Ordinal) ? current!.OrderOnly : line.StartsWith("| ", StringComparison.Ordinal) ? current!.Implicit : current!.Explicit)
                    .Add(line.TrimStart('|', ' '));
            }
        }

        return queries;
    }
}
