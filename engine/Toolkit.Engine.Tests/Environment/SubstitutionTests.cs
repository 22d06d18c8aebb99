using FsCheck;
using FsCheck.Fluent;
using Toolkit.Engine.Environments;

namespace Toolkit.Engine.Tests.Environments;

public sealed class SubstitutionTests
{
    private static readonly string[] Targets = ["out/a.o", "out/a.d"];
    private static readonly string[] Sources = ["src/a.c", "src/b.c"];

    private static ConstructionEnvironment Env(params (string Name, string Value)[] variables) =>
        new(variables.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));

    private static string Sub(ConstructionEnvironment environment, string template) =>
        environment.Substitute(template, new ActionPaths(Targets, Sources));

    [Fact]
    public void Defaults_produce_the_object_command_line()
    {
        var global = ConstructionEnvironment.CreateDefault();
        global.Set("CFLAGS", "-O2");
        global.Set("CPPPATH", "inc");
        string[] targets = ["a.o"];
        string[] sources = ["a.c"];
        Assert.Equal("cc -O2 -Iinc -c -o a.o a.c", global.Substitute("$CCCOM", new ActionPaths(targets, sources)));
    }

    [Fact]
    public void Defaults_follow_the_manifest_format_table()
    {
        var global = ConstructionEnvironment.CreateDefault();
        string[] targets = ["lib.a"];
        string[] sources = ["a.o", "b.o"];
        var paths = new ActionPaths(targets, sources);
        Assert.Equal("ar rcs lib.a a.o b.o", global.Substitute("$ARCOM", paths));
        Assert.Equal("cc -o lib.a a.o b.o", global.Substitute("$LINKCOM", paths));
        Assert.Equal("cp a.o lib.a", global.Substitute("$COPYCOM", paths));
        Assert.Equal("cc -c -o lib.a a.o b.o", global.Substitute("$CCCOM", paths));
    }

    [Fact]
    public void Paths_the_shell_would_split_or_expand_are_quoted_as_one_word_and_plain_ones_are_not()
    {
        var global = ConstructionEnvironment.CreateDefault();
        string[] targets = ["my dir/it's.o"];
        string[] sources = ["my  file.c", "a$b.c", "caf\u00e9/x.c"];
        Assert.Equal("cc -c -o 'my dir/it'\\''s.o' 'my  file.c' 'a$b.c' caf\u00e9/x.c", global.Substitute("$CCCOM", new ActionPaths(targets, sources)));
    }

    [Fact]
    public void A_quoted_path_reaches_the_shell_as_one_argument()
    {
        var global = ConstructionEnvironment.CreateDefault();
        string[] targets = ["out"];
        string[] sources = ["my  file.c", "it's", "$HOME"];
        var line = global.Substitute("printf '[%s]' $SOURCES", new ActionPaths(targets, sources));
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(line);
        using var shell = System.Diagnostics.Process.Start(start)!;
        var output = shell.StandardOutput.ReadToEnd();
        shell.WaitForExit();
        Assert.Equal("[my  file.c][it's][$HOME]", output);
    }

    [Fact]
    public void Plain_and_braced_names_expand()
    {
        var env = Env(("CC", "gcc"), ("OPT", "-O"));
        Assert.Equal("gcc -O2", Sub(env, "$CC ${OPT}2"));
        Assert.Equal("gcc.x", Sub(env, "${CC}.x"));
    }

    [Fact]
    public void Path_variables_expand_to_the_action_paths()
    {
        var env = Env();
        Assert.Equal("out/a.o", Sub(env, "$TARGET"));
        Assert.Equal("out/a.o out/a.d", Sub(env, "$TARGETS"));
        Assert.Equal("src/a.c", Sub(env, "$SOURCE"));
        Assert.Equal("src/a.c src/b.c", Sub(env, "${SOURCES}"));
        Assert.Equal("-oout/a.o", Sub(env, "-o$TARGET"));
        Assert.Equal("x", env.Substitute("x $SOURCES $TARGET", ActionPaths.None));
    }

    [Fact]
    public void Dollar_dollar_is_a_literal_dollar_and_is_not_expanded_again()
    {
        var env = Env(("X", "$$HOME"), ("HOME", "no"));
        Assert.Equal("echo $PATH $HOME", Sub(env, "echo $$PATH $X"));
    }

    [Fact]
    public void Variables_expand_recursively()
    {
        var env = Env(("A", "a $B"), ("B", "b ${C}"), ("C", "c $TARGET"));
        Assert.Equal("x a b c out/a.o", Sub(env, "x $A"));
    }

    [Fact]
    public void Include_and_define_flags_prefix_each_list_entry()
    {
        var env = Env(("CPPPATH", "inc  lib/inc"), ("CPPDEFINES", "NDEBUG X=1"), ("ROOT", "r"));
        Assert.Equal("-Iinc -Ilib/inc", Sub(env, "$_CPPINCFLAGS"));
        Assert.Equal("-DNDEBUG -DX=1", Sub(env, "$_CPPDEFFLAGS"));
        var nested = Env(("CPPPATH", "$ROOT/inc"), ("ROOT", "r"));
        Assert.Equal("-Ir/inc", Sub(nested, "${_CPPINCFLAGS}"));
        Assert.Equal(string.Empty, Sub(Env(), "$_CPPINCFLAGS $_CPPDEFFLAGS"));
    }

    [Fact]
    public void White_space_runs_collapse_and_ends_are_trimmed()
    {
        var env = Env(("E", string.Empty), ("T", "a\t\tb"));
        Assert.Equal("x a b y", Sub(env, "  x $E  $E $T   y  "));
        Assert.Equal(string.Empty, Sub(env, "$E"));
    }

    [Fact]
    public void Cycles_are_errors_naming_the_chain()
    {
        var env = Env(("A", "x $B"), ("B", "y ${A}"));
        var error = Assert.Throws<SubstitutionException>(() => Sub(env, "$A"));
        Assert.Contains("A -> B -> A", error.Message, StringComparison.Ordinal);
        Assert.Equal("A", error.Variable);

        var self = Env(("CFLAGS", "$CFLAGS -g"));
        Assert.Contains("CFLAGS -> CFLAGS", Assert.Throws<SubstitutionException>(() => Sub(self, "cc $CFLAGS")).Message, StringComparison.Ordinal);

        var inner = Env(("TOP", "$A"), ("A", "$B"), ("B", "$A"));
        var innerError = Assert.Throws<SubstitutionException>(() => Sub(inner, "$TOP"));
        Assert.Contains("A -> B -> A", innerError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_through_a_list_flag_is_named()
    {
        var env = Env(("CPPPATH", "$_CPPINCFLAGS"));
        var error = Assert.Throws<SubstitutionException>(() => Sub(env, "$_CPPINCFLAGS"));
        Assert.Contains("_CPPINCFLAGS -> CPPPATH -> _CPPINCFLAGS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_variable_is_an_error_naming_it()
    {
        var env = Env(("CCCOM", "$CC $NOPE"), ("CC", "cc"));
        var error = Assert.Throws<SubstitutionException>(() => Sub(env, "$CCCOM"));
        Assert.Equal("NOPE", error.Variable);
        Assert.Contains("$NOPE", error.Message, StringComparison.Ordinal);
        Assert.Contains("CCCOM", error.Message, StringComparison.Ordinal);
        Assert.Equal("COMMAND", Assert.Throws<SubstitutionException>(() => Sub(ConstructionEnvironment.CreateDefault(), "$COMMAND")).Variable);
    }

    [Theory]
    [InlineData("a $")]
    [InlineData("a $ b")]
    [InlineData("a $1")]
    [InlineData("a ${X")]
    [InlineData("a ${}")]
    [InlineData("a ${X Y}")]
    public void Malformed_dollars_are_errors_naming_the_offset(string template)
    {
        var error = Assert.Throws<SubstitutionException>(() => Sub(Env(("X", "x")), template));
        Assert.Contains("offset 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overrides_shadow_the_parent_and_fall_through_otherwise()
    {
        var global = ConstructionEnvironment.CreateDefault();
        global.Set("CFLAGS", "-O2");
        var child = global.CreateOverride([new("CFLAGS", "-g"), new("CPPPATH", "a b")]);
        string[] targets = ["x.o"];
        string[] sources = ["x.c"];
        var paths = new ActionPaths(targets, sources);
        Assert.Equal("cc -g -Ia -Ib -c -o x.o x.c", child.Substitute("$CCCOM", paths));
        Assert.Equal("cc -O2 -c -o x.o x.c", global.Substitute("$CCCOM", paths));
        Assert.True(child.TryGetValue("CC", out var cc));
        Assert.Equal("cc", cc);
        Assert.Same(global, child.Parent);
    }

    [Fact]
    public void Cached_expansion_still_fills_each_actions_paths()
    {
        var env = ConstructionEnvironment.CreateDefault();
        for (var i = 0; i < 3; i++)
        {
            string[] targets = [$"o{i}.o"];
            string[] sources = [$"s{i}.c"];
            Assert.Equal($"cc -c -o o{i}.o s{i}.c", env.Substitute("$CCCOM", new ActionPaths(targets, sources)));
        }

        Assert.Same(env.Substitute("$CC $CFLAGS"), env.Substitute("$CC $CFLAGS"));
    }

    [Fact]
    public void Setting_a_variable_after_substitution_is_refused()
    {
        var parent = Env(("A", "1"));
        var child = parent.CreateOverride([new("B", "2")]);
        Assert.Equal("1 2", child.Substitute("$A $B"));
        Assert.Throws<InvalidOperationException>(() => parent.Set("A", "3"));
        Assert.Throws<InvalidOperationException>(() => child.Set("B", "3"));
    }

    [Fact]
    public void GetList_splits_the_substituted_value_on_white_space()
    {
        var env = Env(("CPPPATH", " inc   $X "), ("X", "lib/inc\tmore"));
        Assert.Equal(["inc", "lib/inc", "more"], env.GetList("CPPPATH"));
        Assert.Empty(env.GetList("LIBS"));
        Assert.True(ConstructionEnvironment.IsListVariable("LIBPATH"));
        Assert.False(ConstructionEnvironment.IsListVariable("CFLAGS"));
    }

    [Fact]
    public void Invalid_variable_names_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Env(("1X", "a")));
        Assert.Throws<ArgumentException>(() => Env(("A-B", "a")));
    }

    [Fact]
    public void Text_without_dollars_comes_back_collapsed_and_trimmed()
    {
        var env = ConstructionEnvironment.CreateDefault();
        var characters = Gen.Elements('a', 'b', 'Z', '0', '-', '/', '.', '=', ' ', '\t', '{', '}', '\u00e9');
        var texts = characters.ArrayOf().Select(chars => new string(chars));
        Check.QuickThrowOnFailure(Prop.ForAll(Arb.From(texts), text =>
        {
            var expected = string.Join(' ', text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
            return env.Substitute(text, ActionPaths.None) == expected;
        }));
    }

    [Fact]
    public void Substituting_a_variable_equals_substituting_its_value()
    {
        var words = Gen.Elements("cc", "-O2", "-g", "x.c", "$$", "$TARGET", "${SOURCES}", " ", "$CC");
        var values = words.ArrayOf().Select(parts => string.Join(' ', parts));
        Check.QuickThrowOnFailure(Prop.ForAll(Arb.From(values), value =>
        {
            var env = Env(("V", value), ("CC", "gcc"));
            return Sub(env, "[$V]") == Sub(env, "[" + value.Trim() + "]");
        }));
    }
}
