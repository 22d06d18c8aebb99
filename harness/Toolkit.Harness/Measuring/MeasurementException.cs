namespace Toolkit.Harness.Measuring;

/// <summary>
/// A project that cannot be measured honestly: its build fails, its null build runs actions, or the
/// measuring child refused it for a user's error (the child's own error line is in the message).
/// Printed as one line, exit code 1. A child that crashed is not this: that is a bug.
/// </summary>
public sealed class MeasurementException : UserErrorException
{
    /// <summary>Creates the error.</summary>
    public MeasurementException(string message)
        : base(message)
    {
    }
}
