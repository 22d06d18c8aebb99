using System.Text.RegularExpressions;

namespace Toolkit.Harness.Tests.Cli;

/// <summary>
/// run-bench.ps1 (no PowerShell here) must stay a thin wrapper: every option it passes on is one the
/// verb it calls accepts, so what the CLI tests check is what the script runs.
/// </summary>
public sealed class RunBenchScriptTests
{
    [Fact]
    public void Every_option_the_script_passes_is_accepted_by_the_verb_it_calls()
    {
        var script = File.ReadAllText(FindScript());
        var compareBlock = script[script.IndexOf("$arguments += 'compare'", StringComparison.Ordinal)..script.IndexOf("else {", StringComparison.Ordinal)];
        var scaleBlock = script[script.IndexOf("$arguments += 'scale'", StringComparison.Ordinal)..];

        AssertAccepted("compare", compareBlock);
        AssertAccepted("scale", scaleBlock);
    }

    private static void AssertAccepted(string verb, string block)
    {
        var (code, help, _) = ToolkitProcess.Run(Path.GetTempPath(), verb, "--help");
        Assert.Equal(0, code);
        var options = OptionPattern().Matches(block).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(options);
        foreach (var option in options)
        {
            Assert.True(Regex.IsMatch(help, $@"(^|[\s,]){Regex.Escape(option)}([\s,<]|$)", RegexOptions.Multiline), $"run-bench.ps1 passes {option} to 'toolkit {verb}', which does not accept it");
        }
    }

    private static string FindScript()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Join(directory.FullName, "run-bench.ps1");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("run-bench.ps1 not found above the test assembly");
    }

    private static Regex OptionPattern() => new(@"'(-{1,2}[a-zA-Z][a-zA-Z-]*)'");
}
