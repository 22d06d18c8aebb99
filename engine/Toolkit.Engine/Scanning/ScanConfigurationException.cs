namespace Toolkit.Engine.Scanning;

/// <summary>
/// The scanner cannot do what it was asked: the exact mode's compiler cannot be run or fails, a scan mode
/// is unknown, a compile_commands.json is malformed. The message names the compiler, setting or file.
/// </summary>
public sealed class ScanConfigurationException : UserErrorException
{
    /// <summary>Creates the error.</summary>
    public ScanConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its cause.</summary>
    public ScanConfigurationException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}
