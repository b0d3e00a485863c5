// Number and field formatting shared by the output files: invariant culture, a fixed number of
// decimals and no "-0", so that the same run always produces the same bytes.
using System.Globalization;

namespace SignalSim.Core.Output;

internal static class InvariantText
{
    /// <summary>Ticks as seconds with exactly three decimals; exact, because ticks are milliseconds.</summary>
    public static string Seconds(long ticks)
    {
        var sign = ticks < 0 ? "-" : "";
        var abs = Math.Abs(ticks);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{abs / SimTime.TicksPerSecond}.{abs % SimTime.TicksPerSecond:D3}");
    }

    /// <summary>A value with a fixed number of decimals; a result that rounds to zero is written unsigned.</summary>
    public static string Fixed(double value, int decimals)
    {
        var text = value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return text[0] == '-' && IsZero(text) ? text[1..] : text;
    }

    /// <summary>Rounds for JSON output so the writer's shortest round-trip form stays short and stable.</summary>
    public static double Round(double value, int decimals)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return rounded == 0 ? 0 : rounded; // drops the sign of -0
    }

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A CSV field, quoted only when it holds a separator, a quote or a line break (RFC 4180).</summary>
    public static string CsvField(string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0) return value;
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Enum values as the lower-case words the scenario files use.</summary>
    public static string Word<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>Enum values of several words as kebab-case ("EarlyGreen" → "early-green"), as the scenario files spell them.</summary>
    public static string Kebab<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    private static bool IsZero(string text)
    {
        foreach (var c in text)
        {
            if (c is not ('-' or '0' or '.')) return false;
        }
        return true;
    }
}
