namespace Toolkit;

/// <summary>
/// The base of every error a user can cause: bad input or a bad request, with a message that names
/// what is wrong and where (file, line, node, field, byte offset). The <c>toolkit</c> CLI prints such
/// an error as one line <c>toolkit: error: MESSAGE</c> and exits 1; any other exception is a bug and
/// is printed as one, with its stack trace. Each domain derives its own sealed type from this one.
/// It lives in Toolkit.Introspection only because that assembly is the one every other depends on
/// (Introspection itself depends on nothing of ours).
/// </summary>
public abstract class UserErrorException : Exception
{
    /// <summary>Creates the error.</summary>
    protected UserErrorException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its cause (an I/O error, a parse error).</summary>
    protected UserErrorException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}
