using System.Text;
using Toolkit.Engine.Environments;
using Toolkit.Engine.Tests.Build;

namespace Toolkit.Engine.Tests.Environments;

/// <summary>
/// issue 10, item 13: substitution has a documented budget, and a definition that exceeds it fails
/// at once with an error naming the variable and its manifest line, instead of taking 15 GB or
/// overflowing the stack.
/// </summary>
public sealed class SubstitutionBudgetTests
{
    [Fact]
    public void Forty_levels_of_doubling_fail_at_the_level_that_passes_a_mebibyte_and_allocate_little()
    {
        var manifest = new StringBuilder("toolkit-manifest 2\nV0 = abcdefgh\n");
        for (var level = 1; level <= 40; level++)
        {
            manifest.Append(System.Globalization.CultureInfo.InvariantCulture, $"V{level} = $V{level - 1} $V{level - 1}\n");
        }

        manifest.Append("build out.txt: Command in.txt\n  COMMAND = echo $V40\nend\n");
        var project = new TestProject(manifest.ToString());
        project.Files.WriteText("in.txt", "x");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var (result, _) = project.Build();

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.False(result.Succeeded);
        var error = Assert.Single(project.LastReporter.Errors);
        Assert.Contains("$V17 (set on line 19) expands to more than 1,048,576 characters", error, StringComparison.Ordinal);
        Assert.True(allocated < 200_000_000, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void A_chain_a_hundred_thousand_deep_fails_at_the_nesting_limit()
    {
        var manifest = new StringBuilder("toolkit-manifest 2\nC0 = end-of-chain\n");
        for (var i = 1; i <= 100_000; i++)
        {
            manifest.Append("C").Append(i).Append(" = $C").Append(i - 1).Append('\n');
        }

        manifest.Append("build out.txt: Command in.txt\n  COMMAND = echo $C100000\nend\n");
        var project = new TestProject(manifest.ToString());
        project.Files.WriteText("in.txt", "x");

        var (result, _) = project.Build();

        Assert.False(result.Succeeded);
        var error = Assert.Single(project.LastReporter.Errors);
        Assert.Contains("variables nest more than 100 deep: COMMAND -> C100000 -> C99999 -> ...", error, StringComparison.Ordinal);
        Assert.Contains("(set on line", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_value_within_the_budget_substitutes()
    {
        var env = ConstructionEnvironment.CreateDefault();
        env.Set("BIG", new string('x', 500_000));
        env.Set("TWICE", "$BIG $BIG");
        Assert.Equal(1_000_001, env.Substitute("$TWICE").Length);
    }

    [Fact]
    public void Cycles_and_undefined_variables_name_the_line_that_sets_the_user()
    {
        var env = new ConstructionEnvironment();
        env.Set("A", "$B", line: 4);
        env.Set("B", "$A", line: 5);
        env.Set("USER", "run $NOWHERE", line: 9);
        Assert.Contains("variable cycle: A -> B -> A (set on line 4)", Assert.Throws<SubstitutionException>(() => env.Substitute("$A")).Message, StringComparison.Ordinal);
        Assert.Contains("undefined variable $NOWHERE (used by USER (set on line 9))", Assert.Throws<SubstitutionException>(() => env.Substitute("$USER")).Message, StringComparison.Ordinal);
    }
}
