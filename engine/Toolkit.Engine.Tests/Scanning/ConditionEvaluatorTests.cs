using Toolkit.Engine.Scanning;

namespace Toolkit.Engine.Tests.Scanning;

/// <summary>#if arithmetic as C11 6.10.1 and gcc define it.</summary>
public sealed class ConditionEvaluatorTests
{
    private static bool? Eval(string expression, bool booleanKeywords = false, bool unsignedChar = false) =>
        ConditionEvaluator.Evaluate(PpLexer.Lex(expression).ToList(), booleanKeywords, unsignedChar, out _);

    [Theory]
    [InlineData("1 + 2 * 3 == 7", true)]
    [InlineData("(1 + 2) * 3 == 9", true)]
    [InlineData("10 / 3 == 3 && 10 % 3 == 1", true)]
    [InlineData("-1 < 0", true)]
    [InlineData("-1 < 0u", false)]
    [InlineData("0xFFFFFFFFFFFFFFFF == -1", true)]
    [InlineData("0xFFFFFFFFFFFFFFFF > 0", true)]
    [InlineData("1 << 62 > 0 && 1 << 63 < 0", true)]
    [InlineData("-8 >> 1 == -4", true)]
    [InlineData("010 == 8 && 0b101 == 5 && 0x1fUL == 31 && 1'000 == 1000", true)]
    [InlineData("~0 == -1 && !0 == 1 && !5 == 0", true)]
    [InlineData("(2 ^ 3) == 1 && (6 & 3) == 2 && (4 | 1) == 5", true)]
    [InlineData("1 ? 2 : 3 == 2", true)]
    [InlineData("0 ? 1 : 0", false)]
    [InlineData("(1, 0)", false)]
    [InlineData("0 && 1 / 0", false)]
    [InlineData("1 || 1 / 0", true)]
    [InlineData("0 ? 1 / 0 : 1", true)]
    [InlineData("UNDEFINED_NAME == 0", true)]
    [InlineData("'a' == 97 && '\\n' == 10 && '\\377' < 0 && '\\x41' == 65", true)]
    [InlineData("'ab' == 24930 && L'\\377' == 255", true)]
    [InlineData("201710L >= 199901L", true)]
    public void Evaluates_as_gcc(string expression, bool expected) => Assert.Equal(expected, Eval(expression));

    [Fact]
    public void True_and_false_are_keywords_only_in_cpp_and_c23()
    {
        Assert.Equal(false, Eval("true"));
        Assert.Equal(true, Eval("true && !false", booleanKeywords: true));
    }

    [Fact]
    public void Plain_char_follows_the_signedness_of_char()
    {
        Assert.Equal(true, Eval("'\\377' == 255", unsignedChar: true));
    }

    [Theory]
    [InlineData("1 / 0", "division by zero")]
    [InlineData("1 +", "ends too early")]
    [InlineData("(1", "missing ')'")]
    [InlineData("1 2", "missing binary operator")]
    [InlineData("1.5 > 1", "floating constant")]
    [InlineData("1 ? 2", "':'")]
    [InlineData("\"s\"", "not valid")]
    [InlineData("", "no expression")]
    public void Malformed_expressions_are_errors_naming_the_problem(string expression, string message)
    {
        Assert.Null(ConditionEvaluator.Evaluate(PpLexer.Lex(expression).ToList(), false, false, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
