// Parsers for option values that say what is wrong in the user's terms, instead of the
// framework's "cannot parse argument ... as System.UInt64".
using System.CommandLine.Parsing;
using System.Globalization;
using SignalSim.Core;

namespace SignalSim.Cli.Commands;

internal static class OptionParsers
{
    /// <summary>Longer runs are almost always a unit mistake (milliseconds or minutes for seconds).</summary>
    public const double MaxDurationS = SignalSim.Core.Scenario.ScenarioValidator.MaxDurationS;

    public static ulong? Seed(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed)) return seed;
        result.AddError($"--seed: '{text}' is not a valid seed; give a whole number from 0 to {ulong.MaxValue}");
        return null;
    }

    public static double? DurationS(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds))
        {
            result.AddError($"--duration: '{text}' is not a number; give the simulated time after warm-up in seconds, e.g. 3600");
            return null;
        }
        if (seconds <= 0)
        {
            result.AddError($"--duration: {text} s is not a positive duration; give the simulated time after warm-up in seconds, e.g. 3600");
            return null;
        }
        if (!SimTime.IsWholeTicks(seconds))
        {
            result.AddError($"--duration: {text} s is not a whole number of milliseconds");
            return null;
        }
        if (seconds > MaxDurationS)
        {
            result.AddError($"--duration: {text} s is more than {MaxDurationS:0} s (7 days); the value is in seconds");
            return null;
        }
        return seconds;
    }
}
