// Cross-centre announcements: a bus checked in at the Paris intersection is announced to the
// Val-de-Marne one downstream, which then hears of it before its own detector does. Lost
// messages must leave everything exactly as without forwarding.
using SignalSim.Core.Engine;
using SignalSim.Core.Metrics;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;
using SignalSim.Tests.Signals;
using Xunit.Abstractions;

namespace SignalSim.Tests.Priority;

public class ForwardingTests(ITestOutputHelper output)
{
    private static ScenarioFile Corridor(ForwardingSpec? forwarding)
    {
        var s = TwoCentreCorridor.Create(90, 80, durationS: 3600);
        var bus = new PrioritySpec { Bus = new BusPrioritySpec() };
        return s with
        {
            Centres = [s.Centres[0] with { Priority = bus, Forwarding = forwarding }, s.Centres[1] with { Priority = bus }],
            Lines = [new LineSpec { Id = "bus", VehicleClass = "bus", Links = ["w-x", "x-y", "y-e"], HeadwayS = 300, DepartureJitterS = 60 }],
        };
    }

    private static SimulationResult Run(ScenarioFile s) => ScenarioAssert.Run(s, 9);

    /// <summary>When each bus was first known at the Val-de-Marne intersection.</summary>
    private static Dictionary<int, PriorityEvent> FirstRequestsAtY(SimulationResult r)
    {
        var y = Array.IndexOf(r.Model.IntersectionIds, "Y");
        return r.Records.Priority.Where(e => e.Intersection == y && e.Action == PriorityAction.Requested)
            .GroupBy(e => e.VehicleId).ToDictionary(g => g.Key, g => g.First());
    }

    [Fact]
    public void With_forwarding_the_downstream_centre_hears_of_the_bus_before_its_own_detector_would()
    {
        var off = FirstRequestsAtY(Run(Corridor(null)));
        var on = FirstRequestsAtY(Run(Corridor(new ForwardingSpec { Enabled = true, LatencyS = 2 })));
        Assert.NotEmpty(off);
        Assert.All(off.Values, e => Assert.False(e.Forwarded));
        Assert.All(on.Values, e => Assert.True(e.Forwarded));
        var leads = new List<double>();
        foreach (var (vehicle, local) in off)
        {
            Assert.True(on.TryGetValue(vehicle, out var forwarded), $"bus {vehicle} was announced");
            leads.Add(Core.SimTime.ToSeconds(local.Ticks - forwarded.Ticks));
        }
        output.WriteLine($"announcement ahead of the local detector by {leads.Min():0.0} to {leads.Max():0.0} s");
        // The announcement leaves as the bus passes the Paris stop line and takes 2 s; the bus then
        // needs (250 − 120) m at 50 km/h, about 9.4 s, to reach the Val-de-Marne check-in.
        var minimumLeadS = (250 - new BusPrioritySpec().CheckInDistanceM) / (50 / 3.6) - 2 - 1;
        Assert.All(leads, lead => Assert.True(lead > minimumLeadS, $"announced only {lead:0.0} s ahead"));
    }

    [Fact]
    public void With_every_message_lost_the_run_equals_the_run_without_forwarding()
    {
        var off = Run(Corridor(null));
        var lost = Run(Corridor(new ForwardingSpec { Enabled = true, LatencyS = 2, LossProbability = 1.0 }));
        Assert.Equal(off.Records.Trips, lost.Records.Trips);
        Assert.Equal(off.Records.Priority, lost.Records.Priority);
        Assert.Equal(off.Records.SignalChanges, lost.Records.SignalChanges);
        Assert.Equal(off.Records.Crossings, lost.Records.Crossings);
    }
}
