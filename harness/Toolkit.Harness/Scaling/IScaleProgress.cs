namespace Toolkit.Harness.Scaling;

/// <summary>What the scaling run tells its display while it runs.</summary>
public interface IScaleProgress
{
    /// <summary>A step starts: <paramref name="description"/> (size, variant, run k of n), step <paramref name="step"/> of <paramref name="steps"/>.</summary>
    void Step(string description, int step, int steps);

    /// <summary>A note to show (a skipped peer, a cached project).</summary>
    void Note(string message);
}
