namespace Toolkit.SyntheticProjects.Tests.Ninja;

/// <summary>
/// Small build.ninja files, one per construct real generators use, each with the commands the
/// importer must evaluate (output -> command). Extra files (includes, subninjas) are named
/// "path\u0000text" after the main text.
/// </summary>
public static class NinjaCorpus
{
    public static TheoryData<string, string[], string[]> Cases() => new()
    {
        {
            "scoping",
            ["""
             cflags = -O2
             rule cc
               command = cc $cflags -c $in -o $out
               description = CC $out
             build a.o: cc a.c
               cflags = -O0 $cflags
             build b.o: cc b.c
             cflags = -O3
             build c.o: cc c.c

             """],
            // As ninja: a.o's own binding is evaluated where it is written; b.o has none, so its command
            // sees the file's cflags as they are at the end (-O3), as `ninja -t commands` shows.
            ["a.o=cc -O0 -O2 -c a.c -o a.o", "b.o=cc -O3 -c b.c -o b.o", "c.o=cc -O3 -c c.c -o c.o"]
        },
        {
            "include-and-subninja",
            ["""
             x = main
             rule echo
               command = echo $x $y > $out
             include rules.ninja
             subninja sub/sub.ninja
             build top.txt: echo

             """, "rules.ninja\u0000y = from-include-$x\n", "sub/sub.ninja\u0000x = sub\nrule local\n  command = local $x $in > $out\nbuild sub/out.txt: local sub/in.txt\nbuild sub/echo.txt: echo\n"],
            ["top.txt=echo main from-include-main > top.txt", "sub/out.txt=local sub sub/in.txt > sub/out.txt", "sub/echo.txt=echo sub from-include-main > sub/echo.txt"]
        },
        {
            "input-and-output-kinds",
            ["""
             rule cc
               command = cc -c $in -o $out -MF $out.d
             build gen.h: cc gen.in
             build obj/a.o | obj/a.o.d: cc src/a.c src/b.c | include/config.h || gen.h
             build lib.a: cc obj/a.o || gen.h

             """],
            ["obj/a.o=cc -c src/a.c src/b.c -o obj/a.o -MF obj/a.o.d", "lib.a=cc -c obj/a.o -o lib.a -MF lib.a.d", "gen.h=cc -c gen.in -o gen.h -MF gen.h.d"]
        },
        {
            "phony-default-and-pools",
            ["""
             pool link_pool
               depth = 1
             rule link
               command = ld $in -o $out
               pool = link_pool
             rule cc
               command = cc $in -o $out
             build a.o: cc a.c
             build b.o: cc b.c
             build app: link a.o b.o
               pool = console
             build objects: phony a.o b.o
             build all: phony app objects
             build CMakeLists.txt: phony
             default all

             """],
            ["app=ld a.o b.o -o app", "a.o=cc a.c -o a.o"]
        },
        {
            "escapes-and-continuations",
            ["""
             rule cp
               command = cp $in $out && echo $$HOME $
                 done
             build out$ dir/with$ space.txt out$:colon.txt: cp in$ dir/file$ one.txt
             build ./x/../plain.txt: cp ./src//plain.in

             """],
            ["out dir/with space.txt=cp 'in dir/file one.txt' 'out dir/with space.txt' 'out:colon.txt' && echo $HOME done", "plain.txt=cp src/plain.in plain.txt && echo $HOME done"]
        },
        {
            "crlf-and-comments",
            ["# a comment\r\n   # an indented comment\r\n\r\nrule r\r\n  command = touch $out\r\nbuild a: r b\r\n    \r\n"],
            ["a=touch a"]
        },
    };
}
