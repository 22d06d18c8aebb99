using Toolkit.Engine.Actions;

namespace Toolkit.Engine.Tests.Build;

/// <summary>An executor with a bug: it throws instead of returning an outcome.</summary>
internal sealed class BrokenExecutor : IActionExecutor
{
    public string Name => "broken";

    public ActionOutcome Execute(ActionRequest request) => throw new InvalidOperationException("a bug in an executor");
}
