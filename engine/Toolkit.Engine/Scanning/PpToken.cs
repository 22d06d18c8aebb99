namespace Toolkit.Engine.Scanning;

/// <summary>
/// One preprocessing token of the exact scanner: its spelling, kind and flags, and for a parameter
/// reference in a macro body the parameter's index. 16 bytes; the spelling string is shared by every
/// copy of the token (macro bodies are pushed by reference and copied only when flags change).
/// </summary>
internal readonly record struct PpToken(PpTokenKind Kind, string Text, PpTokenFlags Flags = PpTokenFlags.None, int Parameter = -1)
{
    /// <summary>True when white space came before the token.</summary>
    public bool HasSpaceBefore => (Flags & PpTokenFlags.SpaceBefore) != 0;

    /// <summary>True when the token is a macro name that must not be expanded.</summary>
    public bool IsNoExpand => (Flags & PpTokenFlags.NoExpand) != 0;

    /// <summary>True for the punctuator spelled <paramref name="spelling"/> (digraphs are matched by their meaning: <c>%:</c> is <c>#</c>).</summary>
    public bool Is(string spelling) => Kind == PpTokenKind.Punctuator && (Text == spelling || (spelling == "#" && Text == "%:") || (spelling == "##" && Text == "%:%:"));

    /// <summary>True for an identifier spelled <paramref name="name"/>.</summary>
    public bool IsIdentifier(string name) => Kind == PpTokenKind.Identifier && Text == name;

    /// <summary>The same token with <paramref name="flag"/> set or cleared.</summary>
    public PpToken With(PpTokenFlags flag, bool on) => this with { Flags = on ? Flags | flag : Flags & ~flag };

    /// <inheritdoc />
    public override string ToString() => Text;
}
