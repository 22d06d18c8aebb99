using System.Globalization;
using System.Text;

namespace Toolkit.SyntheticProjects.Generation;

/// <summary>
/// Renders the C text of planned headers, sources and main.c into a reusable StringBuilder.
/// Everything it writes compiles with <c>cc -c</c>: include guards, prototypes before use,
/// quoted includes for local headers and angle includes for shared ones.
/// </summary>
internal static class CSourceText
{
    public static void Header(StringBuilder text, HeaderPlan header)
    {
        var guard = header.Symbol.ToUpperInvariant() + "_H";
        text.Append("/* ").Append(header.Comment).Append(" */\n");
        text.Append("#ifndef ").Append(guard).Append('\n');
        text.Append("#define ").Append(guard).Append("\n\n");
        foreach (var included in header.Includes)
        {
            text.Append("#include <").Append(included.IncludeName).Append(">\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\n#define {header.Symbol.ToUpperInvariant()}_SCALE {header.Scale}\n");
        text.Append("typedef struct ").Append(header.Symbol).Append(" { int value; } ").Append(header.Symbol).Append("_t;\n");
        foreach (var function in header.Declarations)
        {
            text.Append("int ").Append(function).Append("(int x);\n");
        }

        text.Append("\n#endif\n");
    }

    public static void Source(StringBuilder text, SourcePlan source)
    {
        text.Append("/*\n * ").Append(source.Path).Append("\n *\n * ").Append(source.Comment).Append("\n */\n");
        foreach (var header in source.LocalIncludes)
        {
            text.Append("#include \"").Append(header.IncludeName).Append("\"\n");
        }

        foreach (var header in source.SharedIncludes)
        {
            text.Append("#include <").Append(header.IncludeName).Append(">\n");
        }

        if (!source.DeclaredInHeader)
        {
            text.Append('\n');
            foreach (var function in source.Functions)
            {
                text.Append("int ").Append(function).Append("(int x);\n");
            }
        }

        for (var k = 0; k < source.Functions.Count; k++)
        {
            text.Append("\nint ").Append(source.Functions[k]).Append("(int x)\n{\n    return ");
            if (k == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"x * {source.Constants[0]} + {source.Constants[1]};\n}}\n");
            }
            else
            {
                text.Append(source.Functions[k - 1]).Append(CultureInfo.InvariantCulture, $"(x) ^ {source.Constants[(2 * k) + 1]};\n}}\n");
            }
        }
    }

    public static void Main(StringBuilder text, ProgramPlan program)
    {
        text.Append("/*\n * ").Append(program.MainPath).Append("\n *\n * ").Append(program.Comment).Append("\n */\n");
        foreach (var header in program.Includes)
        {
            text.Append("#include <").Append(header.IncludeName).Append(">\n");
        }

        text.Append('\n');
        foreach (var function in program.Calls)
        {
            text.Append("int ").Append(function).Append("(int x);\n");
        }

        foreach (var function in program.BlobCalls)
        {
            text.Append("unsigned long ").Append(function).Append("(void);\n");
        }

        text.Append("\nint main(void)\n{\n    unsigned long acc = 0;\n");
        for (var i = 0; i < program.Calls.Count; i++)
        {
            text.Append("    acc += (unsigned long)").Append(program.Calls[i]).Append(CultureInfo.InvariantCulture, $"({i + 1});\n");
        }

        foreach (var function in program.BlobCalls)
        {
            text.Append("    acc += ").Append(function).Append("();\n");
        }

        text.Append("    return acc == 0 ? 0 : 0;\n}\n");
    }
}
