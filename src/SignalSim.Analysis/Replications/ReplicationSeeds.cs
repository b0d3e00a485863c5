// Seeds of replications. Replication k of a study uses the same seed in every strategy, so every
// strategy sees the same arrivals (each random source derives its own stream from the run seed
// and its id: common random numbers). Replication 1 uses the base seed itself, so its files are
// those `signalsim run --seed BASE` writes for the same scenario; later ones derive theirs.
// Evaluation seeds (optimisation) come from a different named stream, so they never coincide
// with the seeds the search used.
using SignalSim.Core.Random;

namespace SignalSim.Analysis.Replications;

public enum SeedStream
{
    /// <summary>The seeds of `compare` and of an optimisation's search.</summary>
    Replication,

    /// <summary>Fresh seeds for checking an optimisation's result.</summary>
    Evaluation,
}

public static class ReplicationSeeds
{
    /// <summary>Seed of replication <paramref name="replication"/> (1-based).</summary>
    public static ulong For(ulong baseSeed, int replication, SeedStream stream = SeedStream.Replication)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replication, 1);
        return stream switch
        {
            SeedStream.Replication when replication == 1 => baseSeed,
            SeedStream.Replication => Xoshiro256.DeriveSeed(baseSeed, $"replication/{replication}"),
            _ => Xoshiro256.DeriveSeed(baseSeed, $"evaluation/{replication}"),
        };
    }

    public static ulong[] Seeds(ulong baseSeed, int replications, SeedStream stream = SeedStream.Replication) =>
        Enumerable.Range(1, replications).Select(k => For(baseSeed, k, stream)).ToArray();
}
