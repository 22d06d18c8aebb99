namespace Toolkit.Harness;

/// <summary>
/// Every exit code of <c>toolkit</c>, one meaning each, for every verb (docs/cli.md lists them).
/// Scripts may rely on them: 1 means "your input or request", 70 means "our bug".
/// </summary>
public static class ExitCodes
{
    /// <summary>Done as asked.</summary>
    public const int Success = 0;

    /// <summary>A user's error: bad command line, bad or missing input, a request that cannot be met; one line on stderr says what and where.</summary>
    public const int UserError = 1;

    /// <summary><c>build</c>: some action failed, or the build was interrupted (the engine's BuildResult.ExitCode).</summary>
    public const int BuildFailed = 2;

    /// <summary><c>compare --fail-on-regression P</c>: some metric of B is worse than A by more than P percent, and not by noise.</summary>
    public const int Regression = 3;

    /// <summary>A bug in toolkit (an exception that is not a user's error): EX_SOFTWARE of sysexits.h.</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted by SIGINT or SIGTERM before the verb finished (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    /// <summary>Each code with its meaning, as <c>toolkit --help</c> and docs/cli.md list them.</summary>
    public static IReadOnlyList<(int Code, string Meaning)> Meanings { get; } =
    [
        (Success, "done as asked"),
        (UserError, "a mistake in the input or the command line; one line 'toolkit: error: ...' says what and where"),
        (BuildFailed, "build: an action failed, or the build was interrupted"),
        (Regression, "compare --fail-on-regression: a metric got worse beyond the threshold"),
        (InternalError, "a bug in toolkit: the message says so and shows the stack trace; please report it"),
        (Interrupted, "interrupted (Ctrl-C, SIGTERM)"),
    ];
}
