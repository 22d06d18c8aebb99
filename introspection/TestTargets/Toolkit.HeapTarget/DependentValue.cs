namespace Toolkit.HeapTarget;

/// <summary>The value of the dependent-handle shape: nothing references it; the table's dependent handle keeps it alive while its key lives.</summary>
public sealed class DependentValue
{
    public int Id;
}
