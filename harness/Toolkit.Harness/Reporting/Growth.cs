namespace Toolkit.Harness.Reporting;

/// <summary>
/// Growth slopes: how much a quantity rises per extra node between two sizes,
/// (v₂ − v₁) / (n₂ − n₁). Between two sizes the fixed cost of a process (the .NET runtime, a Python
/// interpreter, make's own tables) cancels, so slopes of peak RSS compare tools like with like.
/// </summary>
public static class Growth
{
    /// <summary>The slope between each pair of consecutive points (nodes ascending).</summary>
    public static IReadOnlyList<GrowthStep> Steps(IReadOnlyList<(long Nodes, double Value)> points)
    {
        var steps = new List<GrowthStep>();
        for (var i = 1; i < points.Count; i++)
        {
            var (n1, v1) = points[i - 1];
            var (n2, v2) = points[i];
            if (n2 > n1)
            {
                steps.Add(new GrowthStep(n1, n2, (v2 - v1) / (n2 - n1)));
            }
        }

        return steps;
    }
}
