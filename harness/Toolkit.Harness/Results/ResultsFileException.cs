namespace Toolkit.Harness.Results;

/// <summary>A results file that cannot be trusted: its message names the file and what is wrong.</summary>
public sealed class ResultsFileException : UserErrorException
{
    /// <summary>Creates the error.</summary>
    public ResultsFileException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
