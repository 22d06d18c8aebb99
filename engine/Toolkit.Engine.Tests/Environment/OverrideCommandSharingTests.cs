using Toolkit.Engine.Environments;

namespace Toolkit.Engine.Tests.Environments;

/// <summary>
/// A statement's literal COMMAND override (what import-ninja writes for every statement) is substituted without
/// copying its text: the value string is the command, and "$COMMAND" compiles to the variable's own compiled form.
/// Before, each statement held three copies of its command and three default-sized concurrent dictionaries.
/// </summary>
public sealed class OverrideCommandSharingTests
{
    [Fact]
    public void A_literal_command_override_is_substituted_as_the_same_string_it_was_given()
    {
        var table = new EnvironmentTable();
        var command = string.Concat("/usr/bin/cc -O2 -c -o obj/a.o ", "src/a.c"); // a string of its own, not a literal the compiler interned
        var id = table.GetOrAddOverride(EnvironmentTable.GlobalId, [new("COMMAND", command)]);
        var environment = table[id];
        Assert.Same(command, environment.Substitute("$COMMAND"));
        Assert.Same(environment.GetCompiledVariable("COMMAND", []), environment.GetCompiledVariable("COMMAND", []));
        Assert.Same(command, environment.Substitute("${COMMAND}"));
    }

    [Fact]
    public void Templates_of_one_variable_and_templates_without_dollar_give_what_the_general_path_gives()
    {
        var table = new EnvironmentTable();
        var id = table.GetOrAddOverride(EnvironmentTable.GlobalId, [new("COMMAND", "cc  -c   $SOURCES -o $TARGET"), new("LITERAL", "echo  a   b"), new("PRICE", "costs $$5")]);
        var environment = table[id];
        var paths = new ActionPaths(["out.o"], ["in.c"]);
        Assert.Equal("cc -c in.c -o out.o", environment.Substitute("$COMMAND", paths));
        Assert.Equal("echo a b", environment.Substitute("$LITERAL"));
        Assert.Equal("echo a b", environment.Substitute("echo  a   b"));
        Assert.Equal("costs $5", environment.Substitute("$PRICE"));
        Assert.Equal("out.o", environment.Substitute("$TARGET", paths));
        var error = Assert.Throws<SubstitutionException>(() => environment.Substitute("$NOWHERE"));
        Assert.Equal("NOWHERE", error.Variable);
    }

    [Fact]
    public void Override_names_are_one_string_across_statements()
    {
        var table = new EnvironmentTable();
        var first = table[table.GetOrAddOverride(EnvironmentTable.GlobalId, [new(new string("COMMAND".AsSpan()), "a")])];
        var second = table[table.GetOrAddOverride(EnvironmentTable.GlobalId, [new(new string("COMMAND".AsSpan()), "b")])];
        Assert.Same(first.OwnVariables[0].Key, second.OwnVariables[0].Key);
    }
}
