// A chart option that does not fit the results folder (an unknown approach, strategy or link,
// a malformed window): the user's mistake, reported with the option's name; exit code 2.
namespace SignalSim.Charts.Results;

public sealed class ChartOptionException(string message) : Exception(message);
