using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Toolkit.Harness.Commands.Help;

namespace Toolkit.Harness.Commands;

/// <summary>
/// The options of a build that mean the same wherever they appear (<c>-j</c>, <c>-n</c>, <c>-k</c>), kept
/// beside the build verb so the toolkit and the lean engine executable (toolkit-build) parse them alike;
/// the toolkit's CommonOptions hands them to the other verbs.
/// </summary>
public static class EngineOptions
{
    /// <summary><c>-j/--jobs N</c>: parallel jobs, one per core unless given.</summary>
    public static Option<int> Jobs() => new Option<int>("--jobs", "-j")
    {
        Description = "Parallel jobs",
        HelpName = "N",
        DefaultValueFactory = _ => Environment.ProcessorCount,
        CustomParser = Integer("--jobs", 1),
    }.ShowDefaultAs("one per core");

    /// <summary><c>-n/--dry-run</c>.</summary>
    public static Option<bool> DryRun(string description) => new("--dry-run", "-n") { Description = description };

    /// <summary><c>-k/--keep-going</c>.</summary>
    public static Option<bool> KeepGoing() => new("--keep-going", "-k") { Description = "Go on with what does not depend on a failure" };

    /// <summary><c>--no-deps-log</c>: scan without the dependency log.</summary>
    public static Option<bool> NoDependencyLog() => new("--no-deps-log") { Description = "Scan every source and header again instead of taking unchanged files' includes from the dependency log (.toolkit.deps), and leave the log as it is" };

    /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>, a parse error naming <paramref name="option"/> otherwise.</summary>
    public static Func<ArgumentResult, int> Integer(string option, int minimum, int maximum = int.MaxValue) => result =>
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            result.AddError($"{option}: '{text}' is not a whole number");
            return default;
        }

        return InRange(result, option, value, minimum, maximum);
    };

    /// <summary><paramref name="value"/> when from <paramref name="minimum"/> to <paramref name="maximum"/>; otherwise a parse error naming <paramref name="option"/>.</summary>
    public static int InRange(ArgumentResult result, string option, int value, int minimum, int maximum)
    {
        ArgumentNullException.ThrowIfNull(result);
        var error = value < minimum ? $"{option}: {value} must be {minimum:N0} or more"
            : value > maximum ? $"{option}: {value:N0} is more than {maximum:N0}"
            : null;
        if (error is not null)
        {
            result.AddError(error);
            return default;
        }

        return value;
    }
}
