namespace Toolkit.Harness.Comparison;

/// <summary>
/// A comparison that cannot be made as asked: two results files with no (variant, size) in common,
/// a request for other than two variants, fewer than one run. Printed as one line, exit code 1.
/// </summary>
public sealed class ComparisonException : UserErrorException
{
    /// <summary>Creates the error.</summary>
    public ComparisonException(string message)
        : base(message)
    {
    }
}
