namespace Toolkit.Harness.Commands;

/// <summary>
/// A mistake in the command line: a bad option value, a missing or unusable path the user named, a
/// combination that makes no sense. Raised by the CLI layer only (Commands/ and the verbs' helpers);
/// printed as one line <c>toolkit: error: MESSAGE</c>, exit code 1.
/// </summary>
public sealed class UsageException : UserErrorException
{
    /// <summary>Creates the error.</summary>
    public UsageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its cause (e.g. the I/O error on a path the user named).</summary>
    public UsageException(string message, Exception? inner)
        : base(message, inner)
    {
    }

    /// <summary>
    /// The error for a library's <see cref="ArgumentException"/> that is documented to mean bad user input
    /// (an unknown target, a bad generator option): its message without the " (Parameter 'x')" tail.
    /// </summary>
    public static UsageException From(ArgumentException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var tail = exception.ParamName is null ? null : $" (Parameter '{exception.ParamName}')";
        var message = tail is not null && exception.Message.EndsWith(tail, StringComparison.Ordinal) ? exception.Message[..^tail.Length] : exception.Message;
        return new UsageException(message, exception);
    }
}
