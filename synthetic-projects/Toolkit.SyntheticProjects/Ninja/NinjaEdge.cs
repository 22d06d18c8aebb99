namespace Toolkit.SyntheticProjects.Ninja;

/// <summary>
/// One <c>build</c> statement, its paths evaluated and canonical (relative to the build directory,
/// as ninja keeps them): explicit outputs, then implicit ones; explicit inputs, then implicit, then
/// order-only; its rule and the scope its bindings live in. Where it was written, for messages.
/// </summary>
internal sealed class NinjaEdge
{
    public required NinjaRule Rule { get; init; }

    public required NinjaScope Scope { get; init; }

    public required List<string> Outputs { get; init; }

    public required int ExplicitOutputs { get; init; }

    public required List<string> Inputs { get; init; }

    public required int ExplicitInputs { get; init; }

    public required int ImplicitInputs { get; init; }

    public required string File { get; init; }

    public required int Line { get; init; }

    public bool IsPhony => Rule.Name == NinjaParser.PhonyRule;

    public int OrderOnlyInputs => Inputs.Count - ExplicitInputs - ImplicitInputs;
}
