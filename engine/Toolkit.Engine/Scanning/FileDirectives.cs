namespace Toolkit.Engine.Scanning;

/// <summary>
/// The exact scanner's view of one file's contents: its directives in order, and for each conditional
/// directive where its group ends (<see cref="Next"/>: the index of the next <c>#elif</c>/<c>#else</c>/
/// <c>#endif</c> of the same <c>#if</c>, or <see cref="Directives"/>.Length when unterminated), so a
/// skipped group costs one jump whatever it holds. <see cref="Guard"/> is the include-guard macro when
/// the whole file is one <c>#ifndef X</c> (or <c>#if !defined X</c>) group, which lets a translation unit
/// skip a second visit without reading it, as gcc's multiple-include optimization does. Independent of
/// the macros in force, so it is cached per file stamp and shared by every translation unit; costs the
/// directive array (with its tokens) and one int per directive.
/// </summary>
internal sealed class FileDirectives
{
    public FileDirectives(PpDirective[] directives, int[] next, string? guard)
    {
        Directives = directives;
        Next = next;
        Guard = guard;
    }

    /// <summary>An empty file (or one that could not be read).</summary>
    public static FileDirectives Empty { get; } = new([], [], null);

    /// <summary>The directives, in file order.</summary>
    public PpDirective[] Directives { get; }

    /// <summary>For a conditional directive, the index of the next directive of its chain; -1 for the others.</summary>
    public int[] Next { get; }

    /// <summary>The include-guard macro, or null.</summary>
    public string? Guard { get; }

    /// <summary>Builds the jump table and finds the guard.</summary>
    public static FileDirectives Create(List<PpDirective> directives)
    {
        if (directives.Count == 0)
        {
            return Empty;
        }

        var array = directives.ToArray();
        var next = new int[array.Length];
        Array.Fill(next, -1);
        var open = new Stack<int>();
        for (var i = 0; i < array.Length; i++)
        {
            switch (array[i].Kind)
            {
                case DirectiveKind.If or DirectiveKind.Ifdef or DirectiveKind.Ifndef:
                    open.Push(i);
                    break;
                case DirectiveKind.Elif or DirectiveKind.Elifdef or DirectiveKind.Elifndef or DirectiveKind.Else when open.Count > 0:
                    next[open.Pop()] = i;
                    open.Push(i);
                    break;
                case DirectiveKind.Endif when open.Count > 0:
                    next[open.Pop()] = i;
                    break;
            }
        }

        while (open.Count > 0)
        {
            next[open.Pop()] = array.Length;
        }

        return new FileDirectives(array, next, FindGuard(array, next));
    }

    private static string? FindGuard(PpDirective[] directives, int[] next)
    {
        var first = directives[0];
        if (next[0] != directives.Length - 1 || directives[^1].Kind != DirectiveKind.Endif)
        {
            return null;
        }

        var tokens = first.Tokens;
        if (first.Kind == DirectiveKind.Ifndef)
        {
            return tokens.Length == 1 && tokens[0].Kind == PpTokenKind.Identifier ? tokens[0].Text : null;
        }

        if (first.Kind != DirectiveKind.If || tokens.Length < 3 || !tokens[0].Is("!") || !tokens[1].IsIdentifier("defined"))
        {
            return null;
        }

        if (tokens.Length == 3 && tokens[2].Kind == PpTokenKind.Identifier)
        {
            return tokens[2].Text;
        }

        return tokens.Length == 5 && tokens[2].Is("(") && tokens[3].Kind == PpTokenKind.Identifier && tokens[4].Is(")") ? tokens[3].Text : null;
    }
}
