namespace Toolkit.SizerTarget;

/// <summary>A generic class, instantiated over values and references.</summary>
internal sealed class GenericPair<TFirst, TSecond>(TFirst first, TSecond second)
{
    public TFirst First = first;
    public TSecond Second = second;
}
