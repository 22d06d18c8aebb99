using Toolkit.Engine.Scanning;

namespace Toolkit.Engine.Tests.Scanning;

/// <summary>Macro expansion against the examples of C11 6.10.3.5 and gcc's documented extensions.</summary>
public sealed class MacroExpanderTests
{
    private sealed class Host : IExpansionHost
    {
        public string CurrentFile => "dir/file.h";

        public string BaseFile => "main.c";

        public int CurrentLine => 7;

        public int IncludeLevel => 1;

        public int Counter { get; private set; }

        public int NextCounter() => Counter++;

        public bool IsOperator(string name) => name is "__has_include" or "__has_attribute";

        public bool HasInclude(string name, bool isAngle, bool isNext) => name == "yes.h";

        public long EvaluateOperator(string name, string operand) => operand == "fallthrough" ? 201910 : 0;
    }

    private static string Expand(string definitions, string line, bool conditional = false)
    {
        var macros = new MacroTable();
        foreach (var directive in DirectiveParser.Parse(definitions).Directives)
        {
            if (directive.Macro is { } macro)
            {
                macros.Define(macro);
            }
        }

        var tokens = MacroExpander.Expand(PpLexer.Lex(line), 0, macros, new Host(), conditional);
        return string.Join(' ', tokens.Select(token => token.Text));
    }

    [Fact]
    public void Standard_example_3_rescanning_and_painting()
    {
        const string definitions = """
            #define x 3
            #define f(a) f(x * (a))
            #undef x
            #define x 2
            #define g f
            #define z z[0]
            #define h g(~
            #define m(a) a(w)
            #define w 0,1
            #define t(a) a
            #define p() int
            #define q(x) x
            #define r(x,y) x ## y
            """;
        Assert.Equal("f ( 2 * ( y + 1 ) ) + f ( 2 * ( f ( 2 * ( z [ 0 ] ) ) ) ) % f ( 2 * ( 0 ) ) + t ( 1 ) ;", Expand(definitions, "f(y+1) + f(f(z)) % t(t(g)(0) + t)(1);"));
        Assert.Equal("f ( 2 * ( 2 + ( 3 , 4 ) - 0 , 1 ) ) | f ( 2 * ( ~ 5 ) ) & f ( 2 * ( 0 , 1 ) ) ^ m ( 0 , 1 ) ;", Expand(definitions, "g(x+(3,4)-w) | h 5) & m(f)^m(m);"));
        Assert.Equal("int i [ ] = { 1 , 23 , 4 , 5 , } ;", Expand(definitions, "int i[] = { q(1), r(2,3), r(4,), r(,5), r(,) };"));
    }

    [Fact]
    public void Standard_example_4_stringizing_and_pasting()
    {
        const string definitions = """
            #define str(s) # s
            #define xstr(s) str(s)
            #define INCFILE(n) vers ## n
            #define glue(a, b) a ## b
            #define xglue(a, b) glue(a, b)
            #define HIGHLOW "hello"
            #define LOW LOW ", world"
            """;
        Assert.Equal("\"vers2.h\"", Expand(definitions, "xstr(INCFILE(2).h)"));
        Assert.Equal("\"hello\"", Expand(definitions, "glue(HIGH, LOW)"));
        Assert.Equal("\"hello\" \", world\"", Expand(definitions, "xglue(HIGH, LOW)"));
        Assert.Equal("\"a \\\"b\\\" c\"", Expand(definitions, "str( a  \"b\"   c )"));
    }

    [Fact]
    public void Gnu_comma_elision_and_va_opt()
    {
        const string definitions = """
            #define e(fmt, ...) f(fmt, ## __VA_ARGS__)
            #define o(a, ...) g(a __VA_OPT__(,) __VA_ARGS__)
            #define named(args...) h(args)
            """;
        Assert.Equal("f ( x )", Expand(definitions, "e(x)"));
        Assert.Equal("f ( x , 1 , 2 )", Expand(definitions, "e(x, 1, 2)"));
        Assert.Equal("g ( a )", Expand(definitions, "o(a)"));
        Assert.Equal("g ( a , b , c )", Expand(definitions, "o(a, b, c)"));
        Assert.Equal("h ( 1 , 2 )", Expand(definitions, "named(1, 2)"));
    }

    [Fact]
    public void A_function_like_macro_without_arguments_is_not_expanded_and_its_paren_may_follow_a_replacement()
    {
        const string definitions = "#define f(x) [x]\n#define g f\n#define self self + 1\n";
        Assert.Equal("f + 1", Expand(definitions, "f + 1"));
        Assert.Equal("[ 3 ]", Expand(definitions, "g(3)"));
        Assert.Equal("self + 1", Expand(definitions, "self"));
    }

    [Fact]
    public void Defined_and_operators_take_their_operands_unexpanded_in_if_mode()
    {
        const string definitions = "#define A B\n#define IS defined(A)\n#define HDR \"yes.h\"\n";
        Assert.Equal("1 && 0", Expand(definitions, "defined A && defined(B)", conditional: true));
        Assert.Equal("1", Expand(definitions, "IS", conditional: true));
        Assert.Equal("1 0 1", Expand(definitions, "__has_include(<yes.h>) __has_include(\"no.h\") __has_include(HDR)", conditional: true));
        Assert.Equal("201910 0", Expand(definitions, "__has_attribute(fallthrough) __has_attribute(x)", conditional: true));
        Assert.Equal("1 0", Expand(definitions, "defined __has_include defined __has_feature", conditional: true));
    }

    [Fact]
    public void Builtins_expand_to_the_current_file_line_and_counter()
    {
        Assert.Equal("\"dir/file.h\" 7 0 1 \"main.c\" 1", Expand(string.Empty, "__FILE__ __LINE__ __COUNTER__ __COUNTER__ __BASE_FILE__ __INCLUDE_LEVEL__"));
    }

    [Fact]
    public void Header_names_are_rebuilt_from_tokens_with_single_spaces()
    {
        Assert.True(MacroExpander.TryHeaderName(PpLexer.Lex("< sys / a b .h >"), out var name, out var angle));
        Assert.Equal("sys / a b .h", name);
        Assert.True(angle);
        Assert.True(MacroExpander.TryHeaderName(PpLexer.Lex("<x.h>", headerNameFirst: true), out name, out angle));
        Assert.Equal(("x.h", true), (name, angle));
        Assert.False(MacroExpander.TryHeaderName(PpLexer.Lex("x.h"), out _, out _));
    }
}
