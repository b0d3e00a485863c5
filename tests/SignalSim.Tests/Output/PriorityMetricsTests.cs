// Counting priority events per intersection, on a hand-made log.
using SignalSim.Core.Metrics;
using SignalSim.Core.Output;
using SignalSim.Core.Scenario;

namespace SignalSim.Tests.Output;

public sealed class PriorityMetricsTests
{
    private static PriorityEvent E(PriorityAction action, PriorityReason reason = PriorityReason.None, bool forwarded = false) =>
        new(1000, 7, 0, 0, TravelMode.Bus, forwarded, action, reason, 10, 30, 0);

    [Fact]
    public void Counts_EachActionAndEachRefusalReason()
    {
        var counts = PriorityMetrics.Count(
        [
            E(PriorityAction.Requested), E(PriorityAction.Requested, forwarded: true), E(PriorityAction.Requested),
            E(PriorityAction.Extension), E(PriorityAction.EarlyGreen), E(PriorityAction.EarlyGreen), E(PriorityAction.PhaseInsertion),
            E(PriorityAction.CheckedOut), E(PriorityAction.Expired),
            E(PriorityAction.Refused, PriorityReason.NotLateEnough), E(PriorityAction.Refused, PriorityReason.NotLateEnough),
            E(PriorityAction.Refused, PriorityReason.ExtensionLimitReached),
        ]);

        Assert.Equal((3, 1, 1, 2, 1, 1, 1, 3), (counts.Requests, counts.ForwardedRequests, counts.Extensions, counts.EarlyGreens, counts.PhaseInsertions, counts.CheckedOut, counts.Expired, counts.Refused));
        Assert.Equal(
            ["no-priority-for-mode", "not-late-enough", "extension-limit-reached", "too-far-for-extension", "early-green-limit-reached", "plan-change-in-progress", "another-request-served", "too-many-requests"],
            counts.Refusals.Select(r => r.Reason));
        Assert.Equal([0, 2, 1, 0, 0, 0, 0, 0], counts.Refusals.Select(r => r.Count));
    }

    [Fact]
    public void NoEvents_GiveZeros()
    {
        var counts = PriorityMetrics.Count([]);
        Assert.Equal(0, counts.Requests + counts.Refused);
        Assert.All(counts.Refusals, r => Assert.Equal(0, r.Count));
    }
}
