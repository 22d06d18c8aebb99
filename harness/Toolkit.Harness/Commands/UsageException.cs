namespace Toolkit.Harness.Commands;

/// <summary>A mistake in what the user asked for: printed as an error, exit code 1.</summary>
public sealed class UsageException : UserErrorException
{
    /// <summary>Creates the error.</summary>
    public UsageException(string message)
        : base(message)
    {
    }
}
