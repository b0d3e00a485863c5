// The longest wait per signal group, from signal changes computed by hand.
using SignalSim.Core.Metrics;
using SignalSim.Core.Output;
using SignalSim.Core.Signals;

namespace SignalSim.Tests.Output;

public class SignalWaitMetricsTests
{
    private static SignalChange C(double s, SignalState state) => new((long)(s * 1000), 0, state);

    [Fact]
    public void Waits_run_from_the_end_of_a_green_to_the_start_of_the_next()
    {
        // Green at start, amber at 40, red at 43, green at 90; amber at 130, red 133, green at 300.
        var changes = new[]
        {
            C(40, SignalState.Amber), C(43, SignalState.Red), C(90, SignalState.Green),
            C(130, SignalState.Amber), C(133, SignalState.Red), C(300, SignalState.Green),
        };
        Assert.Equal([50.0, 170.0], SignalWaitMetrics.Waits(changes, SignalState.Green, fromTicks: 0));
        // Only greens starting in the measured period count.
        Assert.Equal([170.0], SignalWaitMetrics.Waits(changes, SignalState.Green, fromTicks: 100_000));
    }

    [Fact]
    public void A_group_red_at_the_start_has_no_known_first_wait()
    {
        var changes = new[] { C(20, SignalState.Green), C(50, SignalState.Amber), C(53, SignalState.Red), C(110, SignalState.Green) };
        Assert.Equal([60.0], SignalWaitMetrics.Waits(changes, SignalState.Red, fromTicks: 0));
    }

    [Fact]
    public void A_run_reports_every_group_with_waits_within_its_cycle()
    {
        var r = MultimodalScenario.Run(durationS: 900);
        var waits = SignalWaitMetrics.Build(r);
        Assert.Equal(r.Model.GroupCount, waits.Count);
        // Fixed-time 90 s cycle with short tram priority: every group waits less than a cycle plus the extension limit.
        Assert.All(waits.Where(w => w.Greens > 0), w => Assert.InRange(w.LongestWaitS!.Value, 1, 90 + 40));
        Assert.Contains(waits, w => w.Kind == "pedestrian" && w.Greens > 5);
    }
}
