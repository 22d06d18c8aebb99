using Toolkit.Harness.Measuring;

namespace Toolkit.Harness.Tests.Measuring;

/// <summary>
/// A test of the NativeAOT toolkit-build: it runs when the published program exists
/// (<see cref="LeanEngine.PublishCommand"/>) or when <c>TOOLKIT_TEST_AOT=1</c> asks (the test then publishes it,
/// which takes minutes: see docs/measuring.md); otherwise it is skipped, saying how to run it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LeanEngineFactAttribute : FactAttribute
{
    /// <summary>The environment variable that asks for the NativeAOT tests even without a published program.</summary>
    public const string Variable = "TOOLKIT_TEST_AOT";

    public LeanEngineFactAttribute()
    {
        if (!File.Exists(LeanEngineTests.PublishedProgram) && Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"no NativeAOT toolkit-build at {LeanEngineTests.PublishedProgram}: publish it ({LeanEngine.PublishCommand}) or set {Variable}=1 to have the test publish it";
        }
    }
}
