using Toolkit.Engine.Environments;

namespace Toolkit.Engine.Tests.Environments;

public sealed class EnvironmentTableTests
{
    [Fact]
    public void Id_zero_is_the_global_environment_named_default()
    {
        var table = new EnvironmentTable();
        Assert.Equal(1, table.Count);
        Assert.Equal(EnvironmentTable.GlobalId, table.GetId("default"));
        Assert.True(table.Global.TryGetValue("CC", out var cc));
        Assert.Equal("cc", cc);
    }

    [Fact]
    public void Named_environments_chain_to_their_parent()
    {
        var table = new EnvironmentTable();
        var lib = table.Add("lib", EnvironmentTable.GlobalId, [new("CPPPATH", "lib include")]);
        var sub = table.Add("sub", lib, [new("CFLAGS", "-g")]);
        Assert.Equal(sub, table.GetId("sub"));
        Assert.Equal("-g -Ilib -Iinclude", table[sub].Substitute("$CFLAGS $_CPPINCFLAGS"));
        Assert.Contains("'lib'", Assert.Throws<ArgumentException>(() => table.Add("lib", 0, [])).Message, StringComparison.Ordinal);
        Assert.Contains("'nope'", Assert.Throws<KeyNotFoundException>(() => table.GetId("nope")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Add("x", 99, []));
    }

    [Fact]
    public void Identical_override_sets_share_one_environment()
    {
        var table = new EnvironmentTable();
        var lib = table.Add("lib", EnvironmentTable.GlobalId, []);
        var first = table.GetOrAddOverride(lib, [new("CFLAGS", "-g"), new("CC", "clang")]);
        for (var i = 0; i < 100_000; i++)
        {
            Assert.Equal(first, table.GetOrAddOverride(lib, [new("CC", "clang"), new("CFLAGS", " -g ")]));
        }

        Assert.Equal(3, table.Count);
        Assert.Equal(1, table.OverrideCount);
        Assert.Equal("clang -g", table[first].Substitute("$CC $CFLAGS"));
    }

    [Fact]
    public void Different_overrides_or_parents_get_different_environments()
    {
        var table = new EnvironmentTable();
        var lib = table.Add("lib", EnvironmentTable.GlobalId, []);
        var a = table.GetOrAddOverride(lib, [new("CFLAGS", "-g")]);
        var b = table.GetOrAddOverride(lib, [new("CFLAGS", "-O2")]);
        var c = table.GetOrAddOverride(EnvironmentTable.GlobalId, [new("CFLAGS", "-g")]);
        var d = table.GetOrAddOverride(lib, [new("CFLAGS", "-g"), new("X", "1")]);
        Assert.Equal(4, new[] { a, b, c, d }.Distinct().Count());
        Assert.Equal(lib, table.GetOrAddOverride(lib, []));
    }

    [Fact]
    public void A_later_override_of_the_same_name_wins()
    {
        var table = new EnvironmentTable();
        var id = table.GetOrAddOverride(0, [new("CFLAGS", "-g"), new("CFLAGS", "-O3")]);
        Assert.Equal("-O3", table[id].Substitute("$CFLAGS"));
        Assert.Equal(id, table.GetOrAddOverride(0, [new("CFLAGS", "-O3")]));
    }
}
