using System.Text;
using Toolkit.Engine.Graph;

namespace Toolkit.Engine.Actions;

/// <summary>
/// The default tool: deterministic and hermetic. Instead of compiling it writes, for each target, a
/// small text that records the command line and the signature of every input, so an output changes
/// exactly when a real compiler's output could. Copy copies bytes. Like a compiler, Object fails on a
/// source line starting with <c>#error</c> outside every <c>#if</c> block and names the file and line;
/// inside one it is not taken, since whether a compiler reaches it depends on macros this tool does not
/// evaluate, and real code guards its configuration checks that way (<c>#ifndef HAVE_X / #error</c>,
/// <c>#if 0</c>), which gcc compiles. Fast: no process is started.
/// </summary>
public sealed class BuiltinToolExecutor : IActionExecutor
{
    /// <inheritdoc />
    public string Name => "builtin";

    /// <inheritdoc />
    public ActionOutcome Execute(ActionRequest request)
    {
        var fs = request.FileSystem;
        if (request.Builder == BuilderKind.Copy)
        {
            fs.WriteAllBytes(request.Targets[0], fs.ReadAllBytes(request.Sources[0]));
            return ActionOutcome.Success;
        }

        if (request.Builder == BuilderKind.Object && FindError(fs.ReadAllBytes(request.Sources[0]), request.Sources[0]) is { } error)
        {
            return ActionOutcome.Failure(error);
        }

        var text = new StringBuilder(128 + 40 * request.DependencySignatures.Length);
        foreach (var target in request.Targets)
        {
            text.Clear();
            text.Append("toolkit-builtin ").Append(request.Builder).Append(' ').Append(target).Append('\n');
            text.Append("command ").Append(request.CommandLine).Append('\n');
            foreach (var signature in request.DependencySignatures)
            {
                text.Append("input ").Append(signature.ToHex()).Append('\n');
            }

            fs.WriteAllBytes(target, Encoding.UTF8.GetBytes(text.ToString()));
        }

        return ActionOutcome.Success;
    }

    private static string? FindError(byte[] source, string path)
    {
        var line = 1;
        var start = 0;
        var depth = 0; // open #if, #ifdef and #ifndef blocks
        for (var i = 0; i <= source.Length; i++)
        {
            if (i == source.Length || source[i] == (byte)'\n')
            {
                var text = source.AsSpan(start, i - start).TrimStart(" \t"u8);
                if (text.StartsWith("#if"u8))
                {
                    depth++;
                }
                else if (text.StartsWith("#endif"u8))
                {
                    depth = Math.Max(0, depth - 1);
                }
                else if (depth == 0 && text.StartsWith("#error"u8))
                {
                    return $"{path}:{line}: error: {Encoding.UTF8.GetString(text[6..]).Trim()}";
                }

                line++;
                start = i + 1;
            }
        }

        return null;
    }
}
