using Toolkit.Engine.Scanning;

namespace Toolkit.Engine.Tests.Scanning;

public sealed class CompilerFlagsTests
{
    [Fact]
    public void Reads_the_preprocessing_options_joined_or_separate_in_order()
    {
        var flags = CompilerFlags.ParseCommand(CommandLineSplitter.Split(
            "gcc -std=c99 -O2 -fPIC -Wall -g -Iinc -I ../deps/lua/src -iquote q -isystem /opt/sys -idirafter late -DA -D B=2 '-DSTR=\"x y\"' -UA -include pre.h -imacros m.h -MMD -MF x.d -o out.o -c src/a.c -x c++ -march=native -pthread"));
        Assert.Equal("gcc", flags.Compiler);
        Assert.Equal(["inc", "../deps/lua/src"], flags.IncludeDirs);
        Assert.Equal(["q"], flags.QuoteDirs);
        Assert.Equal(["/opt/sys"], flags.SystemDirs);
        Assert.Equal(["late"], flags.AfterDirs);
        Assert.Equal([(true, "A"), (true, "B=2"), (true, "STR=\"x y\""), (false, "A")], flags.MacroOperations);
        Assert.Equal(["m.h", "pre.h"], flags.ForcedIncludes);
        Assert.Equal("c++", flags.Language);
        Assert.Equal(["-std=c99", "-O2", "-fPIC", "-march=native", "-pthread"], flags.ProbeFlags);
    }

    [Fact]
    public void Language_comes_from_the_suffix_unless_given()
    {
        Assert.Equal("c", CompilerFlags.None.LanguageOf("a.c"));
        Assert.Equal("c++", CompilerFlags.None.LanguageOf("dir/a.cpp"));
        Assert.Equal("c++", CompilerFlags.None.LanguageOf("a.cc"));
    }

    [Fact]
    public void Nostdinc_is_kept_and_passed_to_the_probe_and_include_pch_is_not_an_include()
    {
        var flags = CompilerFlags.Parse(["-nostdinc", "-include-pch", "x.pch", "-I-", "-Ia"]);
        Assert.True(flags.NoStandardIncludes);
        Assert.Empty(flags.ForcedIncludes);
        Assert.Equal(["a"], flags.IncludeDirs);
        Assert.Equal(["-nostdinc"], flags.ProbeFlags);
    }

    [Fact]
    public void Command_lines_split_as_the_shell_splits_them()
    {
        Assert.Equal(["cc", "-DX=a b", "-DY=\"q\"", "c d", "e\\f", "it's"], CommandLineSplitter.Split("cc  '-DX=a b' -DY=\\\"q\\\" \"c d\" 'e\\f' \"it's\""));
        Assert.Empty(CommandLineSplitter.Split("   "));
    }
}
