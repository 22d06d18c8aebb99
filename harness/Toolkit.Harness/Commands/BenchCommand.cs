using System.CommandLine;
using System.CommandLine.Parsing;
using BenchmarkDotNet.Running;
using Toolkit.Harness.Benchmarks;
using Toolkit.Harness.Commands.Help;

namespace Toolkit.Harness.Commands;

/// <summary>
/// <c>toolkit bench [BenchmarkDotNet arguments...]</c>: runs the toolkit's BenchmarkDotNet benchmarks
/// (layout access, hashing, scanner, load) through BenchmarkSwitcher with the retained-bytes columns.
/// In-process unless the arguments choose otherwise, because BenchmarkDotNet's out-of-process
/// toolchain needs a project file named after the assembly (toolkit.csproj), which an installed tool does not have.
/// </summary>
public static class BenchCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var arguments = new Argument<string[]>("args") { Description = "Arguments for BenchmarkDotNet, e.g. --filter *Layout* --job short (after -- to pass --help)", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("bench", "Run the BenchmarkDotNet benchmarks (per-node access, hashing, scanner, load) with a Retained column") { arguments };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse =>
        {
            var summaries = BenchmarkSwitcher.FromAssembly(typeof(LayoutAccessBenchmarks).Assembly).Run([.. ForwardedArguments(parse)], ToolkitBenchmarkConfig.Create());
            return summaries.Any(s => s.HasCriticalValidationErrors) ? ExitCodes.UserError : ExitCodes.Success;
        });
        return command.WithExamples(
            "toolkit bench --filter *Layout* --job short",
            "toolkit bench --list flat");
    }

    /// <summary>The arguments after the verb, in the order given, with --inProcess added unless a toolchain choice is there.</summary>
    public static IReadOnlyList<string> ForwardedArguments(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var tokens = parse.Tokens.ToList();
        var verb = tokens.FindIndex(t => t.Type == TokenType.Command && t.Value == "bench");
        var forwarded = tokens.Skip(verb + 1).Where(t => t.Type != TokenType.DoubleDash).Select(t => t.Value).ToList();
        string[] toolchainChoices = ["-i", "--inProcess", "--runtimes", "-r", "--cli", "--corerun", "--clrVersion", "--monoPath"];
        if (!forwarded.Any(a => toolchainChoices.Contains(a, StringComparer.OrdinalIgnoreCase)))
        {
            forwarded.Add("--inProcess");
        }

        return forwarded;
    }
}
