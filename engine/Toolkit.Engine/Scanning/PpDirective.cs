namespace Toolkit.Engine.Scanning;

/// <summary>
/// One directive of a file, as parsed once per file content: its kind, its tokens (the rest of the
/// line), the logical line it is on, and for <c>#define</c> the parsed <see cref="Scanning.Macro"/>.
/// Nothing here depends on the macros in force, so it is cached by the file's stamp and shared by
/// every translation unit.
/// </summary>
internal readonly record struct PpDirective(DirectiveKind Kind, PpToken[] Tokens, int Line, Macro? Macro = null);
