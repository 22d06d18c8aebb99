using Toolkit.Engine.Build;

namespace Toolkit.Optimizations.Tests.Conformance;

/// <summary>What one build step did, in a form two variants can be compared by.</summary>
internal sealed record StepOutcome(BuildResult Result, List<string> Executed, List<string> Commands, List<string> Errors, byte[] Database);
