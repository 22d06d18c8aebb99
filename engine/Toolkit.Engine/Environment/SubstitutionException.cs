namespace Toolkit.Engine.Environments;

/// <summary>
/// A command line could not be substituted: a variable defined nowhere, a cycle of variables, or a
/// malformed <c>$</c>. The message names the variable (or the chain, for a cycle); callers add the target.
/// </summary>
public sealed class SubstitutionException : UserErrorException
{
    /// <summary>Creates the exception with a message.</summary>
    public SubstitutionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SubstitutionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception naming the variable at fault.</summary>
    public SubstitutionException(string message, string? variable)
        : base(message)
    {
        Variable = variable;
    }

    /// <summary>The variable at fault (for a cycle: the one that came round again), or null.</summary>
    public string? Variable { get; }
}
