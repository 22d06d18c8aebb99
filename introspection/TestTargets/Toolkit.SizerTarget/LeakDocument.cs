namespace Toolkit.SizerTarget;

/// <summary>A document a phase opens and should let go of; one copy stays in <see cref="Leaks.Cache"/>.</summary>
internal sealed class LeakDocument(string name)
{
    public string Name { get; } = name;

    public byte[] Body { get; } = new byte[256];
}
