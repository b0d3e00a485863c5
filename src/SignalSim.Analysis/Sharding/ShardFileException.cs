// A shard folder that cannot be merged: missing, still running, interrupted, truncated, or from
// another study than the others. The message names the shard folder and says what to do; the
// command line reports it as invalid input (exit code 2).
namespace SignalSim.Analysis.Sharding;

public sealed class ShardFileException(string message) : Exception(message);
