using System.CommandLine;
using System.CommandLine.Invocation;

namespace Toolkit.Harness.Commands.Help;

/// <summary>The action of <c>--help</c> on every verb: <see cref="HelpRenderer"/> to the invocation's output.</summary>
public sealed class ToolkitHelpAction : SynchronousCommandLineAction
{
    /// <summary>Help is shown even when the rest of the command line has errors (a required option not given yet).</summary>
    public override bool ClearsParseErrors => true;

    /// <inheritdoc/>
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        HelpRenderer.Write(parseResult.CommandResult.Command, output, WidthFor(output));
        return ExitCodes.Success;
    }

    /// <summary>The terminal's width when writing to one, otherwise <see cref="HelpRenderer.DefaultWidth"/>.</summary>
    public static int WidthFor(TextWriter output)
    {
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            return HelpRenderer.DefaultWidth;
        }

        try
        {
            return Math.Min(HelpRenderer.DefaultWidth, Console.WindowWidth - 1);
        }
        catch (IOException)
        {
            return HelpRenderer.DefaultWidth;
        }
    }
}
