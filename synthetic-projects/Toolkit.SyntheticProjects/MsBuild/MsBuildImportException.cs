namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>An import that cannot go on: a missing or unreadable input, a ProjectReference cycle (MSB4251), a root the manifest cannot hold.</summary>
public sealed class MsBuildImportException : UserErrorException
{
    /// <summary>Creates the error.</summary>
    public MsBuildImportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its cause.</summary>
    public MsBuildImportException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}
