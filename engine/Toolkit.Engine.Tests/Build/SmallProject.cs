namespace Toolkit.Engine.Tests.Build;

/// <summary>
/// A two-library project written by hand: lib_a (a1.c, a2.c), lib_b (b1.c), a program. a1.c includes
/// a.h which includes shared/common.h; b1.c includes shared/common.h; a2.c includes only a2.h.
/// </summary>
internal static class SmallProject
{
    public const string Manifest = """
        toolkit-manifest 2
        CFLAGS = -O2
        CPPPATH = shared
        env lib_a
          CPPPATH = lib_a shared
        use lib_a
        build lib_a/a1.o: Object lib_a/a1.c
        build lib_a/a2.o: Object lib_a/a2.c
        build lib_a/liba.a: Library lib_a/a1.o lib_a/a2.o
        use default
        build lib_b/b1.o: Object lib_b/b1.c
        build lib_b/libb.a: Library lib_b/b1.o
        build bin/main.o: Object bin/main.c
        build bin/app: Program bin/main.o lib_a/liba.a lib_b/libb.a
        alias all: bin/app
        default bin/app
        end
        """;

    public static TestProject Create()
    {
        var project = new TestProject(Manifest);
        var files = project.Files;
        files.WriteText("shared/common.h", "#pragma once\nint common(void);\n");
        files.WriteText("lib_a/a.h", "#ifndef A_H\n#define A_H\n#include <common.h>\nint a1(void);\n#endif\n");
        files.WriteText("lib_a/a2.h", "int a2(void);\n");
        files.WriteText("lib_a/a1.c", "#include \"a.h\"\nint a1(void) { return common(); }\n");
        files.WriteText("lib_a/a2.c", "#include \"a2.h\"\nint a2(void) { return 2; }\n");
        files.WriteText("lib_b/b1.c", "#include <common.h>\nint b1(void) { return 1; }\n");
        files.WriteText("bin/main.c", "int main(void) { return 0; }\n");
        return project;
    }
}
