using Toolkit.Harness.Measuring;

namespace Toolkit.Harness.Scaling;

/// <summary>One tool's turn at a point in a round of a scale run.</summary>
/// <param name="Point">Where it runs.</param>
/// <param name="Tool">What runs.</param>
/// <param name="Repetition">1 to N for a counted run, 0 or less for a warm-up.</param>
/// <param name="StandIns">The folder of the stand-in scripts, put first on PATH.</param>
/// <param name="Jobs">Parallel jobs given to the tool.</param>
public sealed record ScaleTurn(ScalePoint Point, MeasuredTool Tool, int Repetition, string StandIns, int Jobs);
