using System.Text;

namespace Toolkit.SyntheticProjects.Ninja;

/// <summary>
/// A ninja value or path as written: literal text and variable references in order, evaluated
/// later against a scope (ninja's EvalString). Adjacent literals are merged.
/// </summary>
internal sealed class EvalString
{
    private readonly List<(string Text, bool IsVariable)> _parts = [];

    public bool IsEmpty => _parts.Count == 0;

    public void AddText(ReadOnlySpan<char> text)
    {
        if (_parts.Count > 0 && !_parts[^1].IsVariable)
        {
            _parts[^1] = (string.Concat(_parts[^1].Text, text), false);
        }
        else
        {
            _parts.Add((text.ToString(), false));
        }
    }

    public void AddVariable(string name) => _parts.Add((name, true));

    /// <summary>The text with every variable looked up (an unknown one is empty, as in ninja).</summary>
    public string Evaluate(Func<string, string> lookup)
    {
        if (_parts.Count == 1 && !_parts[0].IsVariable)
        {
            return _parts[0].Text;
        }

        var text = new StringBuilder();
        foreach (var (part, isVariable) in _parts)
        {
            text.Append(isVariable ? lookup(part) : part);
        }

        return text.ToString();
    }
}
