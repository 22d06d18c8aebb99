namespace Toolkit.Engine.Scanning;

/// <summary>
/// One translation unit of the exact scanner, run directive by directive as cpp runs it: the forced
/// includes first, then the main file; <c>#define</c>/<c>#undef</c> change this unit's macro table;
/// <c>#if</c>, <c>#ifdef</c>, <c>#elif</c>... choose one group, and the others are jumped over whole
/// (<see cref="FileDirectives.Next"/>); an include opens the file it resolves to (<see cref="ExactIncludeSearch"/>)
/// unless it is once-only or its guard macro is defined. A file is listed the first time it is opened,
/// unless it is a system header: as gcc's <c>-MM</c>, a header found in a system directory, or
/// included from one, is read for its macros but not listed. Iterative (an explicit stack of
/// <see cref="IncludeFrame"/>s), with gcc's include depth limit of 200.
/// </summary>
internal sealed class TranslationUnitWalk : IExpansionHost
{
    /// <summary>gcc's default <c>-fmax-include-depth</c>.</summary>
    private const int MaxIncludeDepth = 200;

    private readonly ExactScanner _scanner;
    private readonly ExactConfiguration _configuration;
    private readonly string _source;
    private readonly MacroTable _macros;
    private readonly ExactIncludeSearch _search;
    private readonly List<IncludeFrame> _frames = [];
    private readonly List<string> _headers = [];
    private readonly List<string> _filesRead = [];
    private readonly HashSet<string> _opened = new(StringComparer.Ordinal);
    private readonly HashSet<string> _once = new(StringComparer.Ordinal);
    private readonly Queue<string> _forced;
    private int _counter;

    public TranslationUnitWalk(ExactScanner scanner, ExactConfiguration configuration, string source)
    {
        _scanner = scanner;
        _configuration = configuration;
        _source = source;
        _macros = configuration.BaseMacros.Clone();
        _search = new ExactIncludeSearch(scanner.Resolver, configuration);
        _forced = new Queue<string>(configuration.ForcedIncludes);
    }

    /// <inheritdoc />
    public string CurrentFile => Spell(_frames.Count > 0 ? _frames[^1].Path : _source);

    /// <inheritdoc />
    public string BaseFile => Spell(_source);

    /// <inheritdoc />
    public int CurrentLine => _frames.Count > 0 ? _frames[^1].Line : 0;

    /// <inheritdoc />
    public int IncludeLevel => Math.Max(0, _frames.Count - 1);

    /// <inheritdoc />
    public int NextCounter() => _counter++;

    /// <inheritdoc />
    public bool IsOperator(string name) => _configuration.Compiler.Operators.Contains(name);

    /// <inheritdoc />
    public bool HasInclude(string name, bool isAngle, bool isNext) => _search.Resolve(name, isAngle, isNext, Current()) is not null;

    /// <inheritdoc />
    public long EvaluateOperator(string name, string operand) => _scanner.Probe.EvaluateOperator(_configuration.Compiler, name, operand);

    /// <summary>Runs the unit; returns what it found.</summary>
    public ScanResult Run()
    {
        _opened.Add(_source);
        _filesRead.Add(_source);
        _frames.Add(new IncludeFrame(_source, _scanner.Directives(_source), IncludeFrame.NoSearchPath, isSystem: false, isMain: true));
        while (_frames.Count > 0)
        {
            var frame = _frames[^1];
            if (frame.IsMain && frame.Index == 0 && _forced.Count > 0)
            {
                OpenForced(_forced.Dequeue());
                continue;
            }

            if (frame.Index >= frame.File.Directives.Length)
            {
                _frames.RemoveAt(_frames.Count - 1);
                continue;
            }

            Execute(frame, frame.File.Directives[frame.Index]);
        }

        return new ScanResult(_source, ScanMode.Exact, _headers.ToArray(), _filesRead.ToArray(), _search.Probed.ToArray(), _configuration.Key);
    }

    private IncludeFrame? Current() => _frames.Count > 0 ? _frames[^1] : null;

    private string Spell(string canonical) => ScanPaths.RelativeTo(canonical, _configuration.WorkingDirectory);

    private void Execute(IncludeFrame frame, PpDirective directive)
    {
        switch (directive.Kind)
        {
            case DirectiveKind.If or DirectiveKind.Ifdef or DirectiveKind.Ifndef:
                frame.Index = Test(frame, directive) ? frame.Index + 1 : NextGroup(frame, frame.Index);
                return;
            case DirectiveKind.Elif or DirectiveKind.Elifdef or DirectiveKind.Elifndef or DirectiveKind.Else:
                // Reached by running the group before it: that group was taken, the rest of the chain is not.
                frame.Index = EndOfChain(frame, frame.Index) + 1;
                return;
            case DirectiveKind.Define:
                if (directive.Macro is { } macro && macro.Name != "defined")
                {
                    _macros.Define(macro);
                }

                break;
            case DirectiveKind.Undef:
                if (directive.Tokens.Length > 0 && directive.Tokens[0].Kind == PpTokenKind.Identifier)
                {
                    _macros.Undefine(directive.Tokens[0].Text);
                }

                break;
            case DirectiveKind.Include or DirectiveKind.IncludeNext or DirectiveKind.Import:
                frame.Index++;
                Include(frame, directive);
                return;
            case DirectiveKind.Pragma:
                Pragma(frame, directive.Tokens);
                break;
        }

        frame.Index++;
    }

    /// <summary>The index to go on at after a false group starting at <paramref name="index"/>: the first true #elif's group, the #else's, or past the #endif.</summary>
    private int NextGroup(IncludeFrame frame, int index)
    {
        var directives = frame.File.Directives;
        var next = frame.File.Next;
        var j = next[index];
        while (j >= 0 && j < directives.Length)
        {
            var directive = directives[j];
            if (directive.Kind is DirectiveKind.Endif or DirectiveKind.Else)
            {
                return j + 1;
            }

            frame.Index = j;
            if (Test(frame, directive))
            {
                return j + 1;
            }

            j = next[j];
        }

        return directives.Length;
    }

    private static int EndOfChain(IncludeFrame frame, int index)
    {
        var directives = frame.File.Directives;
        var j = index;
        while (j < directives.Length && directives[j].Kind != DirectiveKind.Endif)
        {
            var following = frame.File.Next[j];
            if (following < 0)
            {
                return j; // a stray #else: gcc reports it; go on after it
            }

            j = following;
        }

        return Math.Min(j, directives.Length - 1);
    }

    private bool Test(IncludeFrame frame, PpDirective directive)
    {
        var tokens = directive.Tokens;
        switch (directive.Kind)
        {
            case DirectiveKind.Ifdef or DirectiveKind.Elifdef:
                return tokens.Length > 0 && IsDefined(tokens[0]);
            case DirectiveKind.Ifndef or DirectiveKind.Elifndef:
                return tokens.Length > 0 && !IsDefined(tokens[0]);
        }

        var expanded = MacroExpander.Expand(tokens, 0, _macros, this, conditional: true);
        var value = ConditionEvaluator.Evaluate(expanded, _configuration.BooleanKeywords, _configuration.UnsignedChar, out var error);
        if (value is null)
        {
            _scanner.Diagnostics.Warn($"{frame.Path}:{directive.Line}: #{(directive.Kind == DirectiveKind.If ? "if" : "elif")}: {error}; taken as false, as the compiler would stop there");
            return false;
        }

        return value.Value;
    }

    private bool IsDefined(PpToken token) =>
        token.Kind == PpTokenKind.Identifier && (_macros.IsDefined(token.Text) || IsOperator(token.Text) || token.Text is "__FILE__" or "__LINE__" or "__COUNTER__" or "__INCLUDE_LEVEL__" or "__BASE_FILE__" or "__DATE__" or "__TIME__" or "__TIMESTAMP__");

    private void Include(IncludeFrame frame, PpDirective directive)
    {
        string name;
        bool isAngle;
        var tokens = directive.Tokens;
        if (tokens.Length > 0 && tokens[0].Kind is PpTokenKind.HeaderName or PpTokenKind.StringLiteral)
        {
            MacroExpander.TryHeaderName(tokens, out name, out isAngle);
        }
        else if (!MacroExpander.TryHeaderName(MacroExpander.Expand(tokens, 0, _macros, this, conditional: false), out name, out isAngle))
        {
            _scanner.Diagnostics.Warn($"{frame.Path}:{directive.Line}: #include expects \"FILENAME\" or <FILENAME> after expansion; skipped");
            return;
        }

        var isNext = directive.Kind == DirectiveKind.IncludeNext && !frame.IsMain;
        var found = _search.Resolve(name, isAngle, isNext, frame);
        if (found is null)
        {
            _scanner.Diagnostics.Warn($"{frame.Path}:{directive.Line}: {(isAngle ? "<" + name + ">" : "\"" + name + "\"")} not found (the compiler would stop here); the rest is scanned");
            return;
        }

        Open(found.Value.Path, found.Value.ChainIndex, found.Value.IsSystem || frame.IsSystem, directive.Kind == DirectiveKind.Import);
    }

    private void OpenForced(string name)
    {
        var found = _search.ResolveForced(name);
        if (found is null)
        {
            _scanner.Diagnostics.Warn($"-include {name}: not found");
            return;
        }

        Open(found.Value.Path, found.Value.ChainIndex, found.Value.IsSystem, importOnce: false);
    }

    private void Open(string path, int chainIndex, bool isSystem, bool importOnce)
    {
        if (_once.Contains(path))
        {
            return;
        }

        var file = _scanner.Directives(path);
        if (_opened.Contains(path) && file.Guard is { } guard && _macros.IsDefined(guard))
        {
            return; // the multiple-include optimization: reading it again would skip its whole body
        }

        if (_frames.Count >= MaxIncludeDepth)
        {
            _scanner.Diagnostics.Warn($"{_frames[^1].Path}: #include nested depth {MaxIncludeDepth} exceeds maximum (at '{path}'); not followed, as the compiler stops");
            return;
        }

        if (_opened.Add(path))
        {
            _filesRead.Add(path);
            if (!isSystem)
            {
                _headers.Add(path);
            }
        }

        if (importOnce)
        {
            _once.Add(path);
        }

        _frames.Add(new IncludeFrame(path, file, chainIndex, isSystem, isMain: false));
    }

    private void Pragma(IncludeFrame frame, PpToken[] tokens)
    {
        if (tokens.Length == 0)
        {
            return;
        }

        if (tokens[0].IsIdentifier("once") && !frame.IsMain)
        {
            _once.Add(frame.Path);
        }
        else if (tokens.Length >= 2 && tokens[0].IsIdentifier("GCC") && tokens[1].IsIdentifier("system_header") && !frame.IsMain)
        {
            frame.IsSystem = true;
        }
        else if (tokens.Length >= 4 && tokens[0].Kind == PpTokenKind.Identifier && tokens[0].Text is "push_macro" or "pop_macro"
            && tokens[1].Is("(") && tokens[2].Kind == PpTokenKind.StringLiteral && tokens[2].Text.Length >= 2)
        {
            var name = tokens[2].Text[1..^1];
            if (tokens[0].Text == "push_macro")
            {
                _macros.Push(name);
            }
            else
            {
                _macros.Pop(name);
            }
        }
    }
}
