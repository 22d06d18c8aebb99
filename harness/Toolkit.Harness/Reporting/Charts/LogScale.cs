namespace Toolkit.Harness.Reporting.Charts;

/// <summary>
/// A base-10 logarithmic axis: bounds rounded out to 1, 2 or 5 times a power of ten around the
/// data, labelled ticks at every decade (and at 2 and 5 when the axis spans under three decades,
/// so a short axis still has labels), unlabelled minor ticks at the other multiples.
/// </summary>
public sealed class LogScale
{
    /// <summary>Below this many decades the 2× and 5× ticks get labels too: one or two decade labels alone do not let a reader place a point.</summary>
    private const double LabelHalfDecadesBelow = 3;

    /// <summary>Data are kept 10% (in value) away from the axis ends, so no marker sits on the frame.</summary>
    private const double EdgeMargin = 1.1;

    private static readonly double[] NiceSteps = [1, 2, 5];

    /// <summary>Creates the scale for values in [<paramref name="min"/>, <paramref name="max"/>] (both positive) mapped onto [<paramref name="pixelLow"/>, <paramref name="pixelHigh"/>].</summary>
    public LogScale(double min, double max, double pixelLow, double pixelHigh)
    {
        if (!(min > 0) || !(max >= min) || !double.IsFinite(max))
        {
            throw new ArgumentOutOfRangeException(nameof(min), $"a log axis needs positive finite bounds, got {min} to {max}");
        }

        Low = RoundDown(min / EdgeMargin);
        High = RoundUp(max * EdgeMargin);
        if (High <= Low)
        {
            High = RoundUp(Low * 1.5);
        }

        PixelLow = pixelLow;
        PixelHigh = pixelHigh;
    }

    /// <summary>The axis' lower bound.</summary>
    public double Low { get; }

    /// <summary>The axis' upper bound.</summary>
    public double High { get; }

    /// <summary>The pixel of <see cref="Low"/>.</summary>
    public double PixelLow { get; }

    /// <summary>The pixel of <see cref="High"/>.</summary>
    public double PixelHigh { get; }

    /// <summary>The pixel of a value.</summary>
    public double Map(double value) =>
        PixelLow + ((Math.Log10(value) - Math.Log10(Low)) / (Math.Log10(High) - Math.Log10(Low)) * (PixelHigh - PixelLow));

    /// <summary>Every tick within the bounds, ascending, with whether it is labelled.</summary>
    public IReadOnlyList<(double Value, bool Labelled)> Ticks()
    {
        var decades = Math.Log10(High) - Math.Log10(Low);
        var ticks = new List<(double, bool)>();
        for (var exponent = (int)Math.Floor(Math.Log10(Low)); exponent <= (int)Math.Ceiling(Math.Log10(High)); exponent++)
        {
            var power = Math.Pow(10, exponent);
            for (var multiple = 1; multiple <= 9; multiple++)
            {
                var value = multiple * power;
                if (value < Low * (1 - 1e-9) || value > High * (1 + 1e-9))
                {
                    continue;
                }

                var labelled = multiple == 1 || (decades < LabelHalfDecadesBelow && multiple is 2 or 5);
                ticks.Add((value, labelled));
            }
        }

        return ticks;
    }

    private static double RoundDown(double value)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return NiceSteps.Reverse().Select(s => s * power).First(v => v <= value * (1 + 1e-9));
    }

    private static double RoundUp(double value)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return NiceSteps.Append(10).Select(s => s * power).First(v => v >= value * (1 - 1e-9));
    }
}
