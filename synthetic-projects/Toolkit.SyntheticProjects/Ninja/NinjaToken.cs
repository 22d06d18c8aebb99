namespace Toolkit.SyntheticProjects.Ninja;

/// <summary>The tokens of ninja's lexer (src/lexer.in.cc).</summary>
internal enum NinjaToken : byte
{
    Error,
    Build,
    Colon,
    Default,
    EqualsSign,
    Ident,
    Include,
    Indent,
    Newline,
    Pipe,
    Pipe2,
    PipeAt,
    Pool,
    Rule,
    Subninja,
    EndOfFile,
}
