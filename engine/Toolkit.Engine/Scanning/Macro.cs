namespace Toolkit.Engine.Scanning;

/// <summary>
/// A macro definition as the exact scanner keeps it: its name, whether it is function-like, its
/// parameters (a variadic macro's last one is <c>__VA_ARGS__</c> or the name before <c>...</c>), and
/// its replacement list with parameter references resolved to indices. Immutable, so one instance is
/// shared by every translation unit that reads the defining file (it lives in that file's cached
/// <see cref="FileDirectives"/>). Costs the object, a parameter array and the body's token array.
/// </summary>
internal sealed class Macro
{
    public Macro(string name, bool isFunction, string[] parameters, bool isVariadic, PpToken[] body)
    {
        Name = name;
        IsFunction = isFunction;
        Parameters = parameters;
        IsVariadic = isVariadic;
        Body = body;
    }

    /// <summary>The macro's name.</summary>
    public string Name { get; }

    /// <summary>True for a function-like macro (a '(' right after the name in its definition).</summary>
    public bool IsFunction { get; }

    /// <summary>The parameter names, in order.</summary>
    public string[] Parameters { get; }

    /// <summary>True when the last parameter takes the variable arguments.</summary>
    public bool IsVariadic { get; }

    /// <summary>The replacement list; parameters are tokens of kind <see cref="PpTokenKind.Parameter"/>.</summary>
    public PpToken[] Body { get; }

    /// <summary>
    /// Parses the tokens after <c>#define</c> (or a <c>-D</c> in <c>NAME=VALUE</c> form turned into
    /// <c>NAME VALUE</c>); null when they do not start with a name or the parameter list is malformed
    /// (gcc rejects such a directive and defines nothing).
    /// </summary>
    public static Macro? Parse(PpToken[] tokens)
    {
        if (tokens.Length == 0 || tokens[0].Kind != PpTokenKind.Identifier)
        {
            return null;
        }

        var name = tokens[0].Text;
        if (tokens.Length < 2 || !tokens[1].Is("(") || tokens[1].HasSpaceBefore)
        {
            return new Macro(name, false, [], false, ParseBody(tokens, 1, []));
        }

        var parameters = new List<string>();
        var variadic = false;
        var i = 2;
        while (true)
        {
            if (i >= tokens.Length)
            {
                return null;
            }

            var token = tokens[i];
            if (token.Is(")") && parameters.Count == 0 && !variadic)
            {
                break;
            }

            if (token.Is("..."))
            {
                parameters.Add("__VA_ARGS__");
                variadic = true;
                i++;
            }
            else if (token.Kind == PpTokenKind.Identifier)
            {
                parameters.Add(token.Text);
                i++;
                if (i < tokens.Length && tokens[i].Is("..."))
                {
                    variadic = true;
                    i++;
                }
            }
            else
            {
                return null;
            }

            if (i < tokens.Length && tokens[i].Is(")"))
            {
                break;
            }

            if (variadic || i >= tokens.Length || !tokens[i].Is(","))
            {
                return null;
            }

            i++;
        }

        var names = parameters.ToArray();
        return new Macro(name, true, names, variadic, ParseBody(tokens, i + 1, names));
    }

    /// <summary>True when this definition is the same as <paramref name="other"/> (for #pragma pop_macro and tests).</summary>
    public bool SameAs(Macro other) =>
        Name == other.Name && IsFunction == other.IsFunction && IsVariadic == other.IsVariadic
        && Parameters.AsSpan().SequenceEqual(other.Parameters) && Body.AsSpan().SequenceEqual(other.Body);

    private static PpToken[] ParseBody(PpToken[] tokens, int start, string[] parameters)
    {
        if (start >= tokens.Length)
        {
            return [];
        }

        var body = new PpToken[tokens.Length - start];
        for (var i = 0; i < body.Length; i++)
        {
            var token = tokens[start + i];
            if (i == 0)
            {
                token = token.With(PpTokenFlags.SpaceBefore, false);
            }

            if (token.Kind == PpTokenKind.Identifier && parameters.Length > 0)
            {
                var index = Array.IndexOf(parameters, token.Text);
                if (index >= 0)
                {
                    token = token with { Kind = PpTokenKind.Parameter, Parameter = index };
                }
            }

            body[i] = token;
        }

        return body;
    }
}
