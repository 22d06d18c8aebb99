using System.CommandLine;
using System.Text;

namespace Toolkit.Harness.Commands.Help;

/// <summary>
/// docs/cli.md: the help of every verb and sub-verb, rendered by <see cref="HelpRenderer"/> at its
/// default width, under a heading per command line, with the conventions the verbs share. Generated,
/// never edited by hand: the harness tests fail when it differs from the help, and rewrite it when
/// TOOLKIT_UPDATE_GOLDEN=1.
/// </summary>
public static class CliReference
{
    /// <summary>Every command under <paramref name="root"/> (itself first), depth first, in help order.</summary>
    public static IEnumerable<Command> Walk(Command root)
    {
        ArgumentNullException.ThrowIfNull(root);
        yield return root;
        foreach (var verb in root.Subcommands.Where(c => !c.Hidden))
        {
            foreach (var command in Walk(verb))
            {
                yield return command;
            }
        }
    }

    /// <summary>The markdown of docs/cli.md for <paramref name="root"/>.</summary>
    public static string Markdown(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var text = new StringBuilder();
        text.Append("# The toolkit command line\n\n");
        text.Append("<!-- Generated from the --help texts: do not edit. Regenerate with\n");
        text.Append("     TOOLKIT_UPDATE_GOLDEN=1 dotnet test harness/Toolkit.Harness.Tests --filter CliReference -->\n\n");
        text.Append("Every verb below is `toolkit VERB --help` as the program prints it. `toolkit --help` lists the\n");
        text.Append("verbs grouped by job.\n\n");
        text.Append(Conventions).Append('\n');
        foreach (var command in Walk(root))
        {
            var path = HelpRenderer.PathOf(command);
            text.Append("- [").Append(path).Append("](#").Append(path.Replace(' ', '-')).Append(")\n");
        }

        foreach (var command in Walk(root))
        {
            text.Append("\n## ").Append(HelpRenderer.PathOf(command)).Append("\n\n```text\n");
            text.Append(HelpRenderer.Render(command));
            text.Append("```\n");
        }

        return text.ToString();
    }

    private const string Conventions = """
        ## Conventions every verb follows

        - Errors in what you gave (a file, an option, a path) are one line `toolkit: error: MESSAGE` on
          stderr naming what is wrong and where, and exit code 1. A stack trace is printed only for a bug
          in toolkit, after a line that says it is one; the exit code is then 70. All exit codes are
          listed under `toolkit` below.
        - One name per meaning: `-o/--out` for where output goes, `--top N` for how many rows to show,
          `-j/--jobs`, `-n/--dry-run`, `-k/--keep-going`, `--variant NAME`, `--variants LIST`,
          `--sources N[,N...]` (10k and 1M understood), `--seed N`, `--shape NAME`, `--projects DIR`,
          `--repeat N` mean the same in every verb that has them.
        - A switch that is on by default is turned off by its `--no-...` form; a default is stated once,
          after the option's description.
        - Every verb's help ends with examples.

        ## Verbs

        """;
}
