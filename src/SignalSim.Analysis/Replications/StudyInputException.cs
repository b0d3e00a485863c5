// A mistake in what a comparison or optimisation was asked to do (unknown strategy, zero
// replications, nothing to vary): the message says what is wrong and how to fix it, and the
// command line reports it as invalid input.
namespace SignalSim.Analysis.Replications;

public sealed class StudyInputException(string message) : Exception(message);
