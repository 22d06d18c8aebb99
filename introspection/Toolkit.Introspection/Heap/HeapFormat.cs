using System.Globalization;

namespace Toolkit.Introspection.Heap;

/// <summary>Formatting helpers shared by the heap reports.</summary>
public static class HeapFormat
{
    public static string Bytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? $"{bytes} B" : value.ToString("F1", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    public static string Address(ulong address) => "0x" + address.ToString("x", CultureInfo.InvariantCulture);

    public static double Percent(long part, long whole) => whole == 0 ? 0 : 100.0 * part / whole;
}
