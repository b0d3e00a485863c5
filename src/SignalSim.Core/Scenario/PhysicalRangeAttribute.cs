// The physical range of a number in the scenario format, declared once on the record property:
// the schema exporter writes it as minimum/maximum and ScenarioRanges enforces it, so editors
// and the validator cannot disagree. On a list of numbers it applies to each element.
using System.Globalization;

namespace SignalSim.Core.Scenario;

[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class PhysicalRangeAttribute(double minimum, double maximum, string unit) : Attribute
{
    public double Minimum { get; } = minimum;

    public double Maximum { get; } = maximum;

    /// <summary>Unit written after the numbers in messages and the README ("s", "km/h"); empty for counts and ratios.</summary>
    public string Unit { get; } = unit;

    /// <summary>The minimum itself is refused (a duration must be more than 0, not 0).</summary>
    public bool MinimumExclusive { get; init; }

    /// <summary>The maximum itself is refused (a time of day is below 86400 s).</summary>
    public bool MaximumExclusive { get; init; }

    /// <summary>Why the range is what it is, in a few words, added to messages ("one week").</summary>
    public string? Why { get; init; }

    public bool Contains(double value) =>
        (MinimumExclusive ? value > Minimum : value >= Minimum) &&
        (MaximumExclusive ? value < Maximum : value <= Maximum);

    /// <summary>The range in words, e.g. "more than 0 and at most 604800 s".</summary>
    public string Describe()
    {
        var unit = Unit.Length == 0 ? "" : " " + Unit;
        var low = (MinimumExclusive ? "more than " : "at least ") + Number(Minimum);
        var high = (MaximumExclusive ? "less than " : "at most ") + Number(Maximum) + unit;
        return $"{low} and {high}";
    }

    /// <summary>The range in interval notation for tables, e.g. "(0, 604800] s".</summary>
    public string Interval()
    {
        var unit = Unit.Length == 0 ? "" : " " + Unit;
        return $"{(MinimumExclusive ? "(" : "[")}{Number(Minimum)}, {Number(Maximum)}{(MaximumExclusive ? ")" : "]")}{unit}";
    }

    /// <summary>
    /// A number as people write it: shortest round-trip form, invariant culture, so that 1e308 is
    /// "1E+308" and never 309 digits, and an infinity read from 1e400 is named as such.
    /// </summary>
    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "infinity",
        double.NegativeInfinity => "minus infinity",
        _ when double.IsNaN(value) => "not a number",
        _ when Math.Abs(value) >= 1e7 || (value != 0 && Math.Abs(value) < 1e-4) => value.ToString("0.######E+0", CultureInfo.InvariantCulture),
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
