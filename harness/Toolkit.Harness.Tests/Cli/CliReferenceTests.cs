using System.Runtime.CompilerServices;
using Toolkit.Harness.Commands.Help;

namespace Toolkit.Harness.Tests.Cli;

/// <summary>
/// docs/cli.md is the help of every verb, generated: it must equal what the program prints now. After
/// changing a verb, run TOOLKIT_UPDATE_GOLDEN=1 dotnet test harness/Toolkit.Harness.Tests --filter CliReference
/// and commit the rewritten page.
/// </summary>
public sealed class CliReferenceTests
{
    private const string UpdateVariable = "TOOLKIT_UPDATE_GOLDEN";

    [Fact]
    public void Docs_cli_md_is_the_current_help_of_every_verb()
    {
        var page = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Here())!, "..", "..", "..", "docs", "cli.md"));
        var generated = CliReference.Markdown(Program.CreateRootCommand());
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(page, generated);
        }

        Assert.True(File.Exists(page), $"{page} is missing; run the tests once with {UpdateVariable}=1");
        var committed = File.ReadAllText(page);
        Assert.True(committed == generated, $"{page} differs from the help ({UpdateVariable}=1 rewrites it); first difference at line {FirstDifference(committed, generated)}");
    }

    [Fact]
    public void The_page_has_a_section_per_verb_and_the_readme_links_it()
    {
        var markdown = CliReference.Markdown(Program.CreateRootCommand());
        foreach (var command in CliReference.Walk(Program.CreateRootCommand()))
        {
            Assert.Contains($"\n## {HelpRenderer.PathOf(command)}\n", markdown, StringComparison.Ordinal);
        }

        var readme = File.ReadAllText(Path.Combine(Path.GetDirectoryName(Here())!, "..", "..", "..", "README.md"));
        Assert.Contains("(docs/cli.md)", readme, StringComparison.Ordinal);
    }

    private static int FirstDifference(string a, string b)
    {
        var left = a.Split('\n');
        var right = b.Split('\n');
        var line = 0;
        while (line < left.Length && line < right.Length && left[line] == right[line])
        {
            line++;
        }

        return line + 1;
    }

    private static string Here([CallerFilePath] string path = "") => path;
}
