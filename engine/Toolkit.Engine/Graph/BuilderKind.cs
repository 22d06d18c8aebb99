namespace Toolkit.Engine.Graph;

/// <summary>The builders the manifest may name. One byte wide.</summary>
public enum BuilderKind : byte
{
    /// <summary>No builder: a source, a header, a directory or an alias.</summary>
    None = 0,
    /// <summary>Compile one C source into an object file ($CCCOM).</summary>
    Object = 1,
    /// <summary>Archive objects into a static library ($ARCOM).</summary>
    Library = 2,
    /// <summary>Link objects and libraries into a program ($LINKCOM).</summary>
    Program = 3,
    /// <summary>Copy one file ($COPYCOM).</summary>
    Copy = 4,
    /// <summary>Run the command in $COMMAND.</summary>
    Command = 5,
}
