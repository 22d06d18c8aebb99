namespace Toolkit.Engine.Graph;

/// <summary>What a node stands for. One byte wide: it is stored once per node.</summary>
public enum NodeKind : byte
{
    /// <summary>A source file written by people (.c and the like); never built.</summary>
    SourceFile = 0,
    /// <summary>A header found by the include scanner or named in the manifest; never built.</summary>
    Header = 1,
    /// <summary>An object file made by the Object builder.</summary>
    Object = 2,
    /// <summary>A static library made by the Library builder.</summary>
    Library = 3,
    /// <summary>A program made by the Program builder.</summary>
    Program = 4,
    /// <summary>Any other derived file (Copy, Command outputs, side effects).</summary>
    DerivedFile = 5,
    /// <summary>A directory; every file node points at the directory that holds it.</summary>
    Directory = 6,
    /// <summary>A named group of targets with no file of its own.</summary>
    Alias = 7,
}
