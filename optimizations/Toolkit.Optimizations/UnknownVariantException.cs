namespace Toolkit.Optimizations;

/// <summary>A variant name that is not in the factory: the message names it and lists the valid ones.</summary>
public sealed class UnknownVariantException : UserErrorException
{
    /// <summary>Creates the error.</summary>
    public UnknownVariantException(string message)
        : base(message)
    {
    }
}
