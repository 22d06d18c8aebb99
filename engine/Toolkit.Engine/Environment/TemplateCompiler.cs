using System.Globalization;
using System.Text;

namespace Toolkit.Engine.Environments;

/// <summary>
/// Parses a template (<c>$NAME</c>, <c>${NAME}</c>, <c>$$</c>) and expands every variable in an
/// environment, inlining their compiled forms, so that only the action's path slots are left.
/// </summary>
internal static class TemplateCompiler
{
    /// <summary>Compiles <paramref name="template"/>; <paramref name="chain"/> holds the variables being expanded, outermost first.</summary>
    public static CompiledTemplate Compile(ConstructionEnvironment environment, string template, List<string> chain)
    {
        if (template.Length == 0)
        {
            return CompiledTemplate.Empty;
        }

        // Two shapes that need no copy of the text, which an imported build.ninja has once per statement
        // (its COMMAND override: a literal command, substituted as "$COMMAND"): a template without '$' is
        // its own one literal, and a template that is one variable is that variable's compiled form.
        if (template.Length <= ConstructionEnvironment.MaxExpansionChars && !template.Contains('$', StringComparison.Ordinal))
        {
            return new CompiledTemplate([new TemplateSegment(template, PathSlot.None)]);
        }

        if (template[0] == '$' && ReadName(template, 0, chain, out var end) is { } only && end == template.Length && SlotOf(only) == PathSlot.None)
        {
            return environment.GetCompiledVariable(only, chain);
        }

        var segments = new List<TemplateSegment>();
        var literal = new StringBuilder(template.Length);
        var index = 0;
        var flushed = 0;
        while (index < template.Length)
        {
            CheckBudget(environment, template, chain, flushed + literal.Length);
            var dollar = template.IndexOf('$', index);
            if (dollar < 0)
            {
                literal.Append(template, index, template.Length - index);
                break;
            }

            literal.Append(template, index, dollar - index);
            var name = ReadName(template, dollar, chain, out index);
            if (name is null)
            {
                literal.Append('$');
                continue;
            }

            var slot = SlotOf(name);
            if (slot != PathSlot.None)
            {
                Flush(segments, literal);
                segments.Add(new TemplateSegment(string.Empty, slot));
                continue;
            }

            foreach (var segment in environment.GetCompiledVariable(name, chain).Segments)
            {
                CheckBudget(environment, template, chain, flushed + literal.Length + segment.Text.Length);
                if (segment.Slot == PathSlot.None)
                {
                    literal.Append(segment.Text);
                }
                else
                {
                    flushed += literal.Length;
                    Flush(segments, literal);
                    segments.Add(segment);
                }
            }
        }

        CheckBudget(environment, template, chain, flushed + literal.Length);
        Flush(segments, literal);
        return new CompiledTemplate([.. segments]);
    }

    /// <summary>True for a valid variable name: a letter or '_', then letters, digits or '_'.</summary>
    public static bool IsName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || !IsNameStart(name[0]))
        {
            return false;
        }

        foreach (var c in name[1..])
        {
            if (!IsNameChar(c))
            {
                return false;
            }
        }

        return true;
    }

    private static PathSlot SlotOf(string name) => name switch
    {
        "TARGET" => PathSlot.Target,
        "TARGETS" => PathSlot.Targets,
        "SOURCE" => PathSlot.Source,
        "SOURCES" => PathSlot.Sources,
        _ => PathSlot.None,
    };

    /// <summary>Reads what follows the '$' at <paramref name="dollar"/>: a name, or null for "$$".</summary>
    private static string? ReadName(string template, int dollar, List<string> chain, out int next)
    {
        var start = dollar + 1;
        if (start < template.Length && template[start] == '$')
        {
            next = start + 1;
            return null;
        }

        if (start < template.Length && template[start] == '{')
        {
            var close = template.IndexOf('}', start + 1);
            if (close < 0)
            {
                throw Malformed(template, dollar, chain, "opens '${' without a closing '}'");
            }

            var braced = template.Substring(start + 1, close - start - 1);
            if (!IsName(braced))
            {
                throw Malformed(template, dollar, chain, $"holds '${{{braced}}}', which is not a variable name");
            }

            next = close + 1;
            return braced;
        }

        if (start >= template.Length || !IsNameStart(template[start]))
        {
            throw Malformed(template, dollar, chain, "is followed by neither a name, '{' nor '$' (write $$ for a literal $)");
        }

        var end = start + 1;
        while (end < template.Length && IsNameChar(template[end]))
        {
            end++;
        }

        next = end;
        return template[start..end];
    }

    /// <summary>Throws when an expansion grows past <see cref="ConstructionEnvironment.MaxExpansionChars"/>, naming the variable being expanded.</summary>
    private static void CheckBudget(ConstructionEnvironment environment, string template, List<string> chain, long length)
    {
        if (length <= ConstructionEnvironment.MaxExpansionChars)
        {
            return;
        }

        var what = chain.Count == 0 ? $"the template '{(template.Length <= 40 ? template : template[..40] + "...")}'" : $"${chain[^1]}{environment.Where(chain[^1])}";
        throw new SubstitutionException(
            string.Create(CultureInfo.InvariantCulture, $"{what} expands to more than {ConstructionEnvironment.MaxExpansionChars:N0} characters, the most a variable's expansion may hold"),
            chain.Count == 0 ? null : chain[^1]);
    }

    private static void Flush(List<TemplateSegment> segments, StringBuilder literal)
    {
        if (literal.Length > 0)
        {
            segments.Add(new TemplateSegment(literal.ToString(), PathSlot.None));
            literal.Clear();
        }
    }

    private static SubstitutionException Malformed(string template, int dollar, List<string> chain, string problem)
    {
        var where = chain.Count == 0 ? string.Empty : $" (in the value of {chain[^1]})";
        var message = string.Create(CultureInfo.InvariantCulture, $"the '$' at offset {dollar} of '{template}'{where} {problem}");
        return new SubstitutionException(message, chain.Count == 0 ? null : chain[^1]);
    }

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
