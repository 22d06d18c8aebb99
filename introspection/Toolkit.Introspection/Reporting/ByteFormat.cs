using System.Globalization;

namespace Toolkit.Introspection.Reporting;

/// <summary>Byte counts for people: 1,234 B, 12.3 KiB, 4.56 MiB, 1.23 GiB.</summary>
public static class ByteFormat
{
    public static string Format(long bytes)
    {
        double b = bytes;
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        int u = 0;
        while (Math.Abs(b) >= 1024 && u < units.Length - 1)
        {
            b /= 1024;
            u++;
        }

        return u == 0
            ? bytes.ToString("N0", CultureInfo.InvariantCulture) + " B"
            : b.ToString(b >= 100 ? "F0" : b >= 10 ? "F1" : "F2", CultureInfo.InvariantCulture) + " " + units[u];
    }
}
