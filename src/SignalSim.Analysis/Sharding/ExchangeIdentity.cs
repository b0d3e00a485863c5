// What one sharded search is, as every exchange file states it: the scenario (hash of
// scenario.json as SignalSim writes it), the program version, the base seed and the search's
// options. A file that states anything else comes from another search, whose runs would steer
// this one wrong, and is refused.
namespace SignalSim.Analysis.Sharding;

/// <param name="Search">The options that shape the search's batches (strategy, objective, replications, duration, cycle range, splits, front points), in words.</param>
public sealed record ExchangeIdentity(string ScenarioSha256, string Version, ulong BaseSeed, string Search)
{
    /// <summary>How <paramref name="theirs"/> differs from this identity, in words, or null when it is the same.</summary>
    public string? Difference(ExchangeIdentity theirs)
    {
        if (theirs.ScenarioSha256 != ScenarioSha256) return "another scenario (its scenario.json hash differs)";
        if (theirs.Version != Version) return $"another program version ({theirs.Version}, here {Version})";
        if (theirs.BaseSeed != BaseSeed) return $"other seeds (base seed {theirs.BaseSeed}, here {BaseSeed})";
        if (theirs.Search != Search) return $"other options ({theirs.Search}; here {Search})";
        return null;
    }
}
