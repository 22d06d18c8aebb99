using Toolkit.Harness.Terminal;

namespace Toolkit.Harness.Commands;

/// <summary>
/// Runs a verb's body and turns the errors a user can cause (bad manifest, cycle, missing file,
/// bad option) into one clear line on stderr and exit code 1. Anything else is a bug and propagates.
/// </summary>
public static class CommandRunner
{
    /// <summary>Exit code for a user's error.</summary>
    public const int UserError = 1;

    /// <summary>Runs <paramref name="body"/>.</summary>
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception exception) when (IsUserError(exception))
        {
            Output.Error(exception.Message);
            return UserError;
        }
    }

    // TODO(issue 9): FileNotFound/DirectoryNotFound/ArgumentException still count as user errors until
    // every place that can throw them for a user's mistake wraps them in a UserErrorException.
    private static bool IsUserError(Exception exception) => exception is
        UserErrorException or
        FileNotFoundException or
        DirectoryNotFoundException or
        ArgumentException;
}
