namespace Toolkit.SyntheticProjects.Ninja;

/// <summary>A <c>rule</c>: its name and its bindings, kept unevaluated (they are evaluated per edge, with $in and $out).</summary>
internal sealed class NinjaRule(string name)
{
    /// <summary>The variables a rule may set (ninja's IsReservedBinding).</summary>
    public static readonly string[] ReservedBindings =
    [
        "command", "depfile", "dyndep", "description", "deps", "generator", "pool", "restat", "rspfile", "rspfile_content", "msvc_deps_prefix",
    ];

    public string Name { get; } = name;

    public Dictionary<string, EvalString> Bindings { get; } = new(StringComparer.Ordinal);
}
