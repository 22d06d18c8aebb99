namespace Toolkit.SyntheticProjects.Ninja;

/// <summary>
/// The variables of one build statement as ninja's EdgeEnv gives them: <c>$in</c>, <c>$in_newline</c>
/// and <c>$out</c> from its explicit paths (shell-escaped), then the statement's own bindings, then
/// the rule's bindings evaluated in this same environment (so a rule's <c>command</c> may use the
/// statement's <c>$cflags</c>), then the enclosing scopes. A rule variable that refers to itself
/// through others is an error naming the cycle, as in ninja.
/// </summary>
internal sealed class NinjaEdgeVariables(NinjaEdge edge)
{
    private readonly List<string> _evaluating = [];

    /// <summary>The value of <paramref name="name"/> for this statement ("" when unset).</summary>
    public string Lookup(string name)
    {
        switch (name)
        {
            case "in":
                return string.Join(' ', edge.Inputs.Take(edge.ExplicitInputs).Select(NinjaPaths.ShellEscaped));
            case "in_newline":
                return string.Join('\n', edge.Inputs.Take(edge.ExplicitInputs).Select(NinjaPaths.ShellEscaped));
            case "out":
                return string.Join(' ', edge.Outputs.Take(edge.ExplicitOutputs).Select(NinjaPaths.ShellEscaped));
        }

        var binding = edge.Rule.Bindings.GetValueOrDefault(name);
        if (binding is not null)
        {
            if (_evaluating.Contains(name, StringComparer.Ordinal))
            {
                throw new NinjaException(edge.File, edge.Line, $"cycle in rule variables: {string.Join(" -> ", _evaluating.SkipWhile(v => v != name).Append(name))}");
            }

            _evaluating.Add(name);
        }

        try
        {
            return edge.Scope.LookupWithFallback(name, binding, Lookup);
        }
        finally
        {
            if (binding is not null)
            {
                _evaluating.RemoveAt(_evaluating.Count - 1);
            }
        }
    }
}
