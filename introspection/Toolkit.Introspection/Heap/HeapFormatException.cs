namespace Toolkit.Introspection.Heap;

/// <summary>A heap file is damaged, truncated or of another version; the message names the byte offset and record where it broke.</summary>
public sealed class HeapFormatException : UserErrorException
{
    public HeapFormatException(string message)
        : base(message)
    {
    }

    public HeapFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
