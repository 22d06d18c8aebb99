namespace Toolkit.Engine.Actions;

/// <summary>Runs actions. Called from several worker threads at once (one action each).</summary>
public interface IActionExecutor
{
    /// <summary>A short name for reports ("builtin", "process").</summary>
    string Name { get; }

    /// <summary>Runs one action and writes its targets.</summary>
    ActionOutcome Execute(ActionRequest request);
}
