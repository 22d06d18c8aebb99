namespace Toolkit.SyntheticProjects.Ninja;

/// <summary>
/// A ninja variable scope (BindingEnv): evaluated variables and rules, with a parent. The file's
/// top level is one scope, each subninja a child scope, each build statement with bindings a child
/// of the scope it appears in. Lookups walk the parents; an unknown variable is empty.
/// </summary>
internal sealed class NinjaScope(NinjaScope? parent)
{
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NinjaRule> _rules = new(StringComparer.Ordinal);

    public NinjaScope? Parent { get; } = parent;

    public void Set(string name, string value) => _variables[name] = value;

    public string Lookup(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._variables.TryGetValue(name, out var value))
            {
                return value;
            }
        }

        return "";
    }

    /// <summary>ninja's LookupWithFallback: this scope's own variable, else the rule's binding, else the parents.</summary>
    public string LookupWithFallback(string name, EvalString? ruleBinding, Func<string, string> edgeLookup)
    {
        if (_variables.TryGetValue(name, out var value))
        {
            return value;
        }

        if (ruleBinding is not null)
        {
            return ruleBinding.Evaluate(edgeLookup);
        }

        return Parent?.Lookup(name) ?? "";
    }

    public bool HasRuleHere(string name) => _rules.ContainsKey(name);

    public void AddRule(NinjaRule rule) => _rules.Add(rule.Name, rule);

    public NinjaRule? FindRule(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._rules.TryGetValue(name, out var rule))
            {
                return rule;
            }
        }

        return null;
    }
}
