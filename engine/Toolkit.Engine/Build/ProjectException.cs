namespace Toolkit.Engine.Build;

/// <summary>
/// A project cannot be opened, locked or built as asked: no manifest in the directory, an unknown
/// target, a build of the same project already running. The message names the directory, target or
/// process.
/// </summary>
public sealed class ProjectException : UserErrorException
{
    /// <summary>Creates the error.</summary>
    public ProjectException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its cause.</summary>
    public ProjectException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}
