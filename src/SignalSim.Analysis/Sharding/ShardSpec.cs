// Which share of a study one shard runs: shard K of N (1-based) owns a contiguous block of whole
// replications, every strategy of each. Keeping a replication's strategies together keeps the
// common-random-number pairing inside one shard, and the blocks differ in size by at most one
// replication, so shards of an array job take about the same time.
namespace SignalSim.Analysis.Sharding;

/// <param name="Index">K, from 1 to <paramref name="Count"/>.</param>
/// <param name="Count">N, the number of shards the study is split into.</param>
public readonly record struct ShardSpec(int Index, int Count)
{
    /// <summary>More shards than this is a typing mistake rather than a sweep (the replication limit is 10 000).</summary>
    public const int MaxCount = 10_000;

    public override string ToString() => $"{Index}/{Count}";

    /// <summary>"shard 2 of 4", for messages.</summary>
    public string Words => $"shard {Index} of {Count}";

    /// <summary>Why this shard cannot split <paramref name="replications"/> replications, or null.</summary>
    public string? FindProblem(int replications)
    {
        if (Count < 1 || Count > MaxCount) return $"{Count} shards is out of range (1 to {MaxCount})";
        if (Index < 1 || Index > Count) return $"shard {Index} does not exist in {Count} shards (give K from 1 to {Count})";
        if (Count > replications)
            return $"{replications} replications cannot be split into {Count} shards (each shard runs whole replications); use at most {replications} shards or more replications";
        return null;
    }

    /// <summary>The replications this shard runs, 0-based and ascending: block K of N equal blocks.</summary>
    public IReadOnlyList<int> Replications(int replications)
    {
        if (FindProblem(replications) is { } problem) throw new ArgumentException(problem);
        var first = Start(Index - 1, replications);
        var end = Start(Index, replications);
        return Enumerable.Range(first, end - first).ToArray();
    }

    private int Start(int block, int replications) => (int)((long)block * replications / Count);

    /// <summary>Parses "K/N", e.g. "2/4"; null with a reason when the text is not that.</summary>
    public static ShardSpec? TryParse(string text, out string? problem)
    {
        problem = null;
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k)
            && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            var spec = new ShardSpec(k, n);
            if (n < 1 || n > MaxCount) problem = $"'{text}': {n} shards is out of range (1 to {MaxCount})";
            else if (k < 1 || k > n) problem = $"'{text}': shard {k} does not exist in {n} shards (K counts from 1 to N)";
            return problem is null ? spec : null;
        }
        problem = $"'{text}' is not K/N; give the shard's number and the number of shards, e.g. 2/4 (K counts from 1)";
        return null;
    }
}
