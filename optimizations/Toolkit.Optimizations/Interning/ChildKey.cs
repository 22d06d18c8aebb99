using System.Runtime.CompilerServices;

namespace Toolkit.Optimizations.Interning;

/// <summary>
/// A node's place in the tree: its directory's id and its interned name. Names are interned, so
/// equality and hashing use the string's identity, not its characters.
/// </summary>
internal readonly struct ChildKey : IEquatable<ChildKey>
{
    public ChildKey(int directory, string name)
    {
        Directory = directory;
        Name = name;
    }

    public int Directory { get; }

    public string Name { get; }

    public bool Equals(ChildKey other) => Directory == other.Directory && ReferenceEquals(Name, other.Name);

    public override bool Equals(object? obj) => obj is ChildKey other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Directory, RuntimeHelpers.GetHashCode(Name));
}
