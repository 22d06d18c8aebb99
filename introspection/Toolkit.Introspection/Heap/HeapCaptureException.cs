namespace Toolkit.Introspection.Heap;

/// <summary>A heap could not be captured: no such process, not a .NET process, no access, or a dump that cannot be read.</summary>
public sealed class HeapCaptureException : UserErrorException
{
    public HeapCaptureException(string message)
        : base(message)
    {
    }

    public HeapCaptureException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
