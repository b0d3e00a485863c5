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
        if (seconds > MaxDurationS)
        {
            result.AddError($"--duration: {text} s is more than {MaxDurationS:0} s (7 days); the value is in seconds");
            return null;
        }
        if (!SimTime.IsWholeTicks(seconds))
        {
            result.AddError($"--duration: {text} s is not a whole number of milliseconds; give e.g. 3600 or 900.5");
            return null;
        }
        return seconds;
    }

    /// <summary>More would be a typing mistake rather than a study; 20 is the usual number.</summary>
    public const int MaxReplications = 10_000;

    public static int? Replications(ArgumentResult result) => PositiveCount(result, "--replications", MaxReplications,
        "give the number of replications per strategy, e.g. 20 (2 or more give confidence intervals)");

    public static int? Threads(ArgumentResult result) => PositiveCount(result, "--threads", 1024,
        $"give how many runs may go at once, e.g. {Environment.ProcessorCount} (the cores of this machine)");

    /// <summary>A comma-separated list of strategy ids, e.g. "status-quo,bus-priority".</summary>
    public static IReadOnlyList<string>? Strategies(ArgumentResult result)
    {
        var names = result.Tokens.SelectMany(t => t.Value.Split(',')).Select(n => n.Trim()).ToList();
        if (names.Count == 0 || names.Any(n => n.Length == 0))
        {
            result.AddError("--strategies: give strategy ids separated by commas, e.g. status-quo,bus-priority (no empty names)");
            return null;
        }
        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>A whole number from 1 to <paramref name="max"/>, or an error with the hint.</summary>
    public static int? PositiveCount(ArgumentResult result, string option, int max, string hint)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            result.AddError($"{option}: '{text}' is not a whole number; {hint}");
            return null;
        }
        if (value < 1 || value > max)
        {
            result.AddError($"{option}: {text} is out of range (1 to {max}); {hint}");
            return null;
        }
        return value;
    }

    public static double? CycleS(ArgumentResult result, string option)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds))
        {
            result.AddError($"{option}: '{text}' is not a number; give a cycle in seconds, e.g. 90");
            return null;
        }
        if (seconds <= 0 || seconds > SignalSim.Core.Scenario.ScenarioValidator.MaxCycleS)
        {
            result.AddError($"{option}: {text} s is not a cycle; give seconds above 0 and at most {SignalSim.Core.Scenario.ScenarioValidator.MaxCycleS:0}");
            return null;
        }
        return seconds;
    }
}
