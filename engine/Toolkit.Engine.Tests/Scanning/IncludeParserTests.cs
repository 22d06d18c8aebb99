using System.Text;
using Toolkit.Engine.Scanning;

namespace Toolkit.Engine.Tests.Scanning;

public sealed class IncludeParserTests
{
    private static IncludeDirective[] Parse(string text) => IncludeParser.Parse(Encoding.UTF8.GetBytes(text));

    private static IncludeDirective Q(string name) => new(name, IsAngle: false);

    private static IncludeDirective A(string name) => new(name, IsAngle: true);

    [Fact]
    public void Quoted_and_angle_includes_come_in_file_order()
    {
        var found = Parse("#include <stdio.h>\n#include \"a.h\"\nint x;\n#include <sys/types.h>\n");
        Assert.Equal([A("stdio.h"), Q("a.h"), A("sys/types.h")], found);
    }

    [Fact]
    public void Empty_and_include_free_files_give_nothing()
    {
        Assert.Empty(Parse(""));
        Assert.Empty(Parse("int main(void) { return 0; }\n"));
    }

    [Fact]
    public void Line_comment_hides_an_include()
    {
        Assert.Equal([Q("b.h")], Parse("// #include \"a.h\"\n#include \"b.h\" // #include \"c.h\"\n"));
    }

    [Fact]
    public void Block_comment_hides_includes_over_several_lines()
    {
        var found = Parse("/*\n#include \"a.h\"\n */\n#include \"b.h\" /* starts here\n#include \"c.h\"\n*/ int x;\n");
        Assert.Equal([Q("b.h")], found);
    }

    [Fact]
    public void Block_comment_before_the_hash_keeps_it_a_directive()
    {
        Assert.Equal([Q("a.h"), Q("b.h")], Parse("/* lead */ #include \"a.h\"\n/* multi\nline */ # /* between */ include /* again */ \"b.h\"\n"));
    }

    [Fact]
    public void Hash_not_at_line_start_is_not_a_directive()
    {
        Assert.Empty(Parse("int x; #include \"a.h\"\n"));
    }

    [Fact]
    public void Blanks_between_hash_and_include_and_no_blank_before_name()
    {
        Assert.Equal([Q("a.h"), A("b.h"), Q("c.h")], Parse("  #   include \"a.h\"\n\t#\tinclude<b.h>\n#include\"c.h\"\n"));
    }

    [Fact]
    public void Backslash_newline_continuations_are_spliced()
    {
        var found = Parse("#inc\\\nlude \\\n \"a.h\"\n# \\\r\ninclude <b.h>\n#include \"c\\\n.h\"\n");
        Assert.Equal([Q("a.h"), A("b.h"), Q("c.h")], found);
    }

    [Fact]
    public void Continued_line_comment_swallows_the_next_line()
    {
        // A // comment ending in a backslash continues onto the next line, as gcc reads it.
        Assert.Equal([Q("b.h")], Parse("// comment \\\n#include \"a.h\"\n#include \"b.h\"\n"));
    }

    [Fact]
    public void Include_next_is_marked_and_import_counts_as_include()
    {
        Assert.Equal([new IncludeDirective("limits.h", true, IsNext: true), Q("objc.h")], Parse("#include_next <limits.h>\n#import \"objc.h\"\n"));
    }

    [Fact]
    public void Other_directives_that_start_with_include_letters_do_not_count()
    {
        Assert.Empty(Parse("#includes \"a.h\"\n#define include \"b.h\"\n#pragma include \"c.h\"\n"));
    }

    [Fact]
    public void Every_conditional_branch_counts_conservatively()
    {
        var text = "#if 0\n#include \"zero.h\"\n#elif defined(X)\n#include \"elif.h\"\n#else\n#include \"else.h\"\n#endif\n"
            + "#ifdef A\n#include <ifdef.h>\n#endif\n#ifndef B\n#include <ifndef.h>\n#endif\n";
        Assert.Equal([Q("zero.h"), Q("elif.h"), Q("else.h"), A("ifdef.h"), A("ifndef.h")], Parse(text));
    }

    [Fact]
    public void Include_guard_has_no_effect()
    {
        var guarded = "#ifndef A_H\n#define A_H\n#include \"b.h\"\n#endif\n";
        var twice = guarded + guarded;
        Assert.Equal([Q("b.h")], Parse(guarded));
        Assert.Equal([Q("b.h"), Q("b.h")], Parse(twice));
    }

    [Fact]
    public void Computed_include_is_kept_with_its_text_and_marked()
    {
        Assert.Equal(
            [new IncludeDirective("HDR", false, IsComputed: true), new IncludeDirective("MAKE(y)", false, IsComputed: true), Q("real.h")],
            Parse("#define HDR \"x.h\"\n#include HDR\n#include MAKE(y) // why\n#include \"real.h\"\n"));
    }

    [Fact]
    public void String_literals_containing_include_are_ignored()
    {
        var text = "const char *s = \"\\\n#include \\\"a.h\\\"\";\nconst char *t = \"/* not a comment\";\n#include \"b.h\"\nchar c = '\"';\n#include \"c.h\"\n";
        Assert.Equal([Q("b.h"), Q("c.h")], Parse(text));
    }

    [Fact]
    public void Apostrophe_in_error_directive_does_not_hide_following_includes()
    {
        Assert.Equal([Q("a.h")], Parse("#error don't do this\n#include \"a.h\"\n"));
    }

    [Fact]
    public void Unterminated_and_empty_names_are_skipped()
    {
        Assert.Equal([Q("ok.h")], Parse("#include \"broken.h\n#include <also\n#include \"\"\n#include \"ok.h\"\n"));
    }

    [Fact]
    public void Crlf_line_ends_and_missing_final_newline_work()
    {
        Assert.Equal([Q("a.h"), A("b.h")], Parse("#include \"a.h\"\r\n#include <b.h>"));
    }

    [Fact]
    public void Unterminated_block_comment_ends_the_file()
    {
        Assert.Equal([Q("a.h")], Parse("#include \"a.h\"\n/* never closed\n#include \"b.h\"\n"));
    }

    [Fact]
    public void Division_and_slashes_in_code_are_not_comments()
    {
        Assert.Equal([Q("a.h")], Parse("int x = 4 / 2;\n#include \"a.h\"\n"));
    }

    [Fact]
    public void Name_with_directories_and_dots_is_kept_as_written()
    {
        Assert.Equal([Q("../up/x.h"), A("sys/./y.h")], Parse("#include \"../up/x.h\"\n#include <sys/./y.h>\n"));
    }

    [Fact]
    public void Byte_order_mark_does_not_hide_the_first_line()
    {
        Assert.Equal([Q("a.h")], IncludeParser.Parse([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("#include \"a.h\"\n")]));
    }

    [Fact]
    public void Blanks_between_backslash_and_newline_still_splice()
    {
        Assert.Equal([Q("a.h")], Parse("#include \\  \t\n\"a.h\"\n"));
    }

    [Fact]
    public void Inserting_continuations_anywhere_does_not_change_the_result()
    {
        // Phase 2 removes every backslash-newline wherever it stands, even inside a name or between
        // the two slashes of a comment; texts without backslashes of their own keep their meaning.
        string[] fragments =
        [
            "#include \"a.h\"\n", "#  include <sys/b.h>\n", "// #include \"c.h\"\n", "/* #include \"d.h\" */\n",
            "int x = 1 / 2;\n", "const char *s = \"#include <e.h>\";\n", "#if 0\n#include \"f.h\"\n#endif\n",
            "/* open\n#include \"g.h\"\n*/ #include \"h.h\"\n", "char q = '\"';\n", "#define X \"/*\"\n", "#include X\n",
        ];
        var random = new Random(1234);
        for (var round = 0; round < 300; round++)
        {
            var text = new StringBuilder();
            for (var k = random.Next(1, 12); k > 0; k--)
            {
                text.Append(fragments[random.Next(fragments.Length)]);
            }

            var plain = text.ToString();
            // Positions in the plain text, inserted from the back, so no splice lands inside another.
            var spliced = new StringBuilder(plain);
            var positions = Enumerable.Range(0, random.Next(1, 6)).Select(_ => random.Next(plain.Length + 1)).Distinct().OrderDescending();
            foreach (var position in positions)
            {
                spliced.Insert(position, random.Next(2) == 0 ? "\\\n" : "\\\r\n");
            }

            Assert.Equal(Parse(plain), Parse(spliced.ToString()));
        }
    }

    [Fact]
    public void Random_bytes_never_throw_and_names_stay_on_one_line()
    {
        var random = new Random(99);
        var alphabet = "#include<>\"'/*\\\n\r ab.h"u8.ToArray();
        for (var round = 0; round < 2000; round++)
        {
            var bytes = new byte[random.Next(200)];
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = random.Next(8) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];
            }

            Assert.All(IncludeParser.Parse(bytes), directive => Assert.DoesNotContain('\n', directive.Name));
        }
    }

    [Fact]
    public void A_name_table_gives_one_string_per_distinct_name_and_the_same_directives()
    {
        var names = new IncludeNames();
        var first = Encoding.UTF8.GetBytes("#include \"a.h\"\n#include <sys/ünï.h>\n#include_next \"a.h\"\n");
        var second = Encoding.UTF8.GetBytes("#include <a.h>\n#include <sys/ünï.h>\n");
        var a = IncludeParser.Parse(first, names);
        var b = IncludeParser.Parse(second, names);

        Assert.Equal(IncludeParser.Parse(first), a);
        Assert.Equal(IncludeParser.Parse(second), b);
        Assert.Same(a[0].Name, a[2].Name);
        Assert.Same(a[0].Name, b[0].Name);
        Assert.Same(a[1].Name, b[1].Name);
        Assert.Equal(2, names.Count);
    }
}
