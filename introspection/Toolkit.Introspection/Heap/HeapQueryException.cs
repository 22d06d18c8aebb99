namespace Toolkit.Introspection.Heap;

/// <summary>A heap query that cannot be answered from the file: no object at the address asked for, no type of the name given.</summary>
public sealed class HeapQueryException : UserErrorException
{
    public HeapQueryException(string message)
        : base(message)
    {
    }

    public HeapQueryException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
