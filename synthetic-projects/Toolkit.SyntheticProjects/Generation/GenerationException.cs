namespace Toolkit.SyntheticProjects.Generation;

/// <summary>
/// A generation the generator refuses: an option out of range, or an output directory it will not
/// write into (a file, a device, the file system root, a folder holding files it did not write).
/// The message names the option or the directory and what is wrong.
/// </summary>
public sealed class GenerationException : UserErrorException
{
    /// <summary>Creates the error.</summary>
    public GenerationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its cause.</summary>
    public GenerationException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}
