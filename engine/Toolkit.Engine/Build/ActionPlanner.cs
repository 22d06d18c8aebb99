using Toolkit.Engine.Environments;
using Toolkit.Engine.Graph;

namespace Toolkit.Engine.Build;

/// <summary>Builds an executor's command line: the builder's command variable, substituted in its environment.</summary>
public static class ActionPlanner
{
    /// <summary>The construction variable that holds a builder's command.</summary>
    public static string CommandVariable(BuilderKind builder) => builder switch
    {
        BuilderKind.Object => "$CCCOM",
        BuilderKind.Library => "$ARCOM",
        BuilderKind.Program => "$LINKCOM",
        BuilderKind.Copy => "$COPYCOM",
        BuilderKind.Command => "$COMMAND",
        _ => throw new ArgumentOutOfRangeException(nameof(builder), builder, "no command for this builder"),
    };

    /// <summary>
    /// The substituted command line. Throws <see cref="SubstitutionException"/> (an unknown variable,
    /// a recursive definition) whose message the caller prefixes with the target.
    /// </summary>
    public static string CommandLine(BuildGraph graph, int executor, string[] targets, string[] sources)
    {
        var store = graph.Store;
        var environment = graph.Environments[store.GetEnvironment(executor)];
        return environment.Substitute(CommandVariable(store.GetBuilder(executor)), new ActionPaths(targets, sources));
    }
}
