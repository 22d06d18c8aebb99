namespace Toolkit.SizerTarget;

/// <summary>An executor shaped like the engine's: targets, sources, a command line and its environment.</summary>
internal sealed class LookAlikeExecutor
{
    public LookAlikeNode[] Targets = [];
    public LookAlikeNode[] Sources = [];
    public string Command = "";
    public Dictionary<string, string> Environment = [];
    public Func<int, int>? Action;
}
