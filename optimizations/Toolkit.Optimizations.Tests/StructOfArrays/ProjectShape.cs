namespace Toolkit.Optimizations.Tests.StructOfArrays;

/// <summary>What <see cref="GeneratedProject"/> makes: how many directories and sources, how deep, which names.</summary>
public sealed record ProjectShape(int Directories, int SourcesPerDirectory, int Seed, int MaxDepth, bool Unicode)
{
    /// <inheritdoc />
    public override string ToString() => $"{Directories}x{SourcesPerDirectory} seed {Seed} depth {MaxDepth}{(Unicode ? " unicode" : string.Empty)}";
}
