using Toolkit.Engine.Scanning;

namespace Toolkit.Engine.Tests.Scanning;

public sealed class CompileCommandsTests
{
    [Fact]
    public void Reads_arguments_and_command_forms_and_names_bad_entries()
    {
        var directory = Directory.CreateTempSubdirectory("toolkit-cc-").FullName;
        try
        {
            var path = Path.Join(directory, "compile_commands.json");
            File.WriteAllText(path, """
                [ { "directory": "build", "file": "../a.c", "arguments": ["cc", "-Iinc", "-c", "../a.c"] },
                  { "directory": "/abs", "file": "b.c", "command": "cc '-DX=1 2' -c b.c" } ]
                """);
            var commands = CompileCommandsReader.Read(path);
            Assert.Equal(Path.Join(directory, "build"), commands[0].Directory);
            Assert.Equal(["inc"], commands[0].Flags.IncludeDirs);
            Assert.Equal([(true, "X=1 2")], commands[1].Flags.MacroOperations);

            File.WriteAllText(path, """[ { "directory": "x", "file": "a.c" } ]""");
            Assert.Contains("entry 0 has neither", Assert.Throws<ScanConfigurationException>(() => CompileCommandsReader.Read(path)).Message, StringComparison.Ordinal);
            File.WriteAllText(path, "[ {");
            Assert.Contains("not valid JSON", Assert.Throws<ScanConfigurationException>(() => CompileCommandsReader.Read(path)).Message, StringComparison.Ordinal);
            File.WriteAllText(path, "{}");
            Assert.Contains("expected an array", Assert.Throws<ScanConfigurationException>(() => CompileCommandsReader.Read(path)).Message, StringComparison.Ordinal);
            Assert.Contains("no such file", Assert.Throws<ScanConfigurationException>(() => CompileCommandsReader.Read(path + ".gone")).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_gcc_run_drops_outputs_and_dependency_options_and_adds_MM()
    {
        var command = new CompileCommand("/d", "a.c", ["cc", "-c", "-o", "a.o", "-MMD", "-MF", "a.d", "-MTa.o", "-Iinc", "a.c", "-oother.o"]);
        Assert.Equal(["-Iinc", "a.c", "-MM"], GccDependencies.Arguments(command));
    }

    [Fact]
    public void Make_rules_are_unescaped_and_joined()
    {
        Assert.Equal(["a.c", "dir with space/x.h", "$y.h", "#z.h", "w.h"], GccDependencies.Prerequisites("a.o: a.c dir\\ with\\ space/x.h \\\n $$y.h \\#z.h\nb.o: w.h\n"));
    }
}
