namespace Toolkit.Introspection.Heap;

/// <summary>The result of one heap query: printable as text; its public properties serialize to JSON (System.Text.Json) for scripts.</summary>
public interface IHeapReport
{
    string ToText();
}
