// What a comparison's files say about how it was made: scenario, durations, seeds, replications.
// The thread count is deliberately absent: the files must not depend on it.
namespace SignalSim.Analysis.Comparison;

/// <param name="Source">Where the scenario came from (file name, or the embedded default).</param>
/// <param name="BaseSeed">Replication 1's seed; the others derive theirs from it.</param>
/// <param name="SeedNote">How the seeds were chosen, in words, e.g. "fresh evaluation seeds".</param>
/// <param name="CooldownS">Time after the measured period during which measured vehicles are followed until they finish.</param>
public sealed record StudyInfo(string ScenarioName, string Source, double DurationS, double WarmupS, ulong BaseSeed, string SeedNote, double CooldownS = SignalSim.Core.Scenario.SimulationSettings.DefaultCooldownS);
