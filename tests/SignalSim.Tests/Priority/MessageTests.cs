// Priority as SREM/SSEM-shaped messages on the Porte de Choisy shared bus priority strategy: a
// request lost on the link between the centres never reaches the controller and so is never
// served; a relayed request gives the controller its estimate only once the link's latency has
// passed, a lost one never, and the vehicle's own updates reach it at once (they never cross the
// link); every grant has its reply and every reply answers a request message that arrived;
// priority_messages.jsonl parses and its counts are those of summary.json; served in time is
// checked against the signal changes. (That the message path leaves today's forwarding results
// as they were is ForwardingBaselineTests.)
using System.Text.Json;
using SignalSim.Core;
using SignalSim.Core.Engine;
using SignalSim.Core.Metrics;
using SignalSim.Core.Model;
using SignalSim.Core.Output;
using SignalSim.Core.Scenario;
using SignalSim.Core.Signals;
using SignalSim.Tests.Output;
using Xunit.Abstractions;

namespace SignalSim.Tests.Priority;

public class MessageTests(ITestOutputHelper output)
{
    private static ScenarioFile Shared(double latencyS, double loss)
    {
        var s = ForwardingBaselineTests.Shared(latencyS);
        return s with { Centres = s.Centres.Select(c => c with { Forwarding = c.Forwarding! with { LossProbability = loss } }).ToList() };
    }

    private static SimulationResult Run(ScenarioFile s, ulong seed) => new Simulation(SimulationModelBuilder.Build(s, seed)).Run();

    private static bool IsGrant(PriorityAction a) => a is PriorityAction.Extension or PriorityAction.EarlyGreen or PriorityAction.PhaseInsertion or PriorityAction.Preempted;

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.3)]
    public void A_request_lost_on_the_link_is_never_served(double loss)
    {
        var r = Run(Shared(2, loss), 3);
        var messages = r.Records.PriorityMessages;
        var lost = messages.Where(m => m is { Type: PriorityMessageType.Request, Lost: true }).ToList();
        var relayed = messages.Count(m => m is { Type: PriorityMessageType.Request, OverLink: true });
        output.WriteLine($"{lost.Count} of {relayed} relayed requests lost");
        Assert.NotEmpty(lost);
        if (loss == 1.0) Assert.Equal(relayed, lost.Count);
        else Assert.InRange(lost.Count, 1, relayed - 1);
        foreach (var l in lost)
        {
            Assert.Equal(-1, l.DeliveredTicks);
            // No reply answers it, and the controller did nothing for the vehicle there until its own request came.
            Assert.DoesNotContain(messages, m => m.Type == PriorityMessageType.Status && m.RequestId == l.RequestId && m.Sequence == l.Sequence);
            var own = messages.Where(m => m is { Type: PriorityMessageType.Request, OverLink: false } && m.RequestId == l.RequestId).Select(m => m.Ticks).DefaultIfEmpty(long.MaxValue).Min();
            Assert.DoesNotContain(r.Records.Priority, e => e.VehicleId == l.VehicleId && e.Intersection == l.Intersection && e.Ticks < own);
            Assert.DoesNotContain(messages, m => m.Type == PriorityMessageType.Status && m.RequestId == l.RequestId && m.Ticks < own);
        }
        if (loss == 1.0) Assert.DoesNotContain(r.Records.Priority, e => e.Forwarded);
    }

    /// <summary>
    /// Watched step by step at the controllers: before a relayed request's delivery (sent + the
    /// link's latency) the controller holds no estimate for the vehicle; at its delivery it answers
    /// it, and holds it when the centre's rules accept it; a lost one leaves it without until the
    /// vehicle's own request. The vehicle's updates go straight to the roadside unit, never over the link: after
    /// the step that sends one, the controller's estimate is the update's.
    /// </summary>
    [Fact]
    public void The_controller_learns_of_a_relayed_request_only_after_the_latency_and_of_an_update_at_once()
    {
        const double latencyS = 10;
        var sim = new Simulation(SimulationModelBuilder.Build(Shared(latencyS, 0.3), 3));
        var latency = SimTime.FromSeconds(latencyS);
        var messages = sim.Recorder.PriorityMessages;
        var watched = new List<PriorityMessage>(); // relayed requests not yet delivered, or lost
        var ownRequest = new HashSet<int>();        // request ids whose vehicle sent its own request
        var seen = 0;
        int delivered = 0, heldAtDelivery = 0, lostWatched = 0, updates = 0;
        var lastOfRequest = new Dictionary<int, PriorityMessage>();
        while (!sim.Finished)
        {
            // Messages go to the controllers at the start of a step (before its clock advances),
            // those sent during it (stamped with its end) in a later one.
            var stepStart = sim.NowTicks;
            sim.Step();
            lastOfRequest.Clear();
            for (; seen < messages.Count; seen++)
            {
                var m = messages[seen];
                if (m.Type == PriorityMessageType.Status) continue;
                lastOfRequest[m.RequestId] = m;
                if (m.Type != PriorityMessageType.Request || !m.OverLink)
                {
                    Assert.False(m.OverLink, $"{m.Type} of request {m.RequestId} crossed the link");
                    Assert.Equal(m.Ticks, m.DeliveredTicks);
                    if (m.Type == PriorityMessageType.Request) ownRequest.Add(m.RequestId);
                    continue;
                }
                Assert.Equal(m.Lost ? -1 : m.Ticks + latency, m.DeliveredTicks);
                watched.Add(m);
                if (m.Lost) lostWatched++;
            }
            for (var i = watched.Count - 1; i >= 0; i--)
            {
                var r = watched[i];
                // The vehicle's own request (at its check-in) tells the controller of it anyway.
                if (ownRequest.Contains(r.RequestId))
                {
                    watched.RemoveAt(i);
                    continue;
                }
                var held = sim.Controller(r.Intersection).TryGetEstimate(r.VehicleId, out _);
                if (r.Lost || stepStart < r.DeliveredTicks)
                {
                    Assert.False(held, $"vehicle {r.VehicleId}'s relayed request (lost: {r.Lost}) is held at {SimTime.ToSeconds(sim.NowTicks)} s, before its delivery");
                    continue;
                }
                Assert.True(stepStart - r.DeliveredTicks < sim.NowTicks - stepStart, "delivered in the first step from its delivery time");
                // Answered when it arrived (accepted, or rejected by the centre's rules).
                Assert.Contains(messages, m => m.Type == PriorityMessageType.Status && m.RequestId == r.RequestId && m.Sequence == r.Sequence && m.Ticks == stepStart);
                delivered++;
                if (held) heldAtDelivery++;
                watched.RemoveAt(i);
            }
            foreach (var m in lastOfRequest.Values)
            {
                if (m.Type != PriorityMessageType.Update) continue;
                var held = sim.Controller(m.Intersection).TryGetEstimate(m.VehicleId, out var eta);
                // Unless the request lapsed at the controller before the update came (its reply says so).
                var lapsed = messages.Any(s => s.Type == PriorityMessageType.Status && s.RequestId == m.RequestId && s.Sequence == m.Sequence && s.Status == PriorityRequestStatus.Unknown);
                Assert.True(held != lapsed, $"vehicle {m.VehicleId}'s update: held {held}, lapsed {lapsed}");
                if (lapsed) continue;
                Assert.Equal(m.EtaTicks, eta);
                updates++;
            }
        }
        output.WriteLine($"{delivered} relayed requests delivered ({heldAtDelivery} held), {lostWatched} lost, {updates} updates");
        Assert.True(heldAtDelivery > 0, "some relayed request reached its controller before the vehicle's own");
        Assert.True(lostWatched > 0, "some relayed request was lost");
        Assert.True(updates > 0, "some vehicle sent an update");
    }

    [Theory]
    [InlineData(2.0, 0.0)]
    [InlineData(10.0, 0.3)]
    public void Every_grant_has_its_reply_and_every_reply_answers_a_request_that_arrived(double latencyS, double loss)
    {
        var r = Run(Shared(latencyS, loss), 1);
        var messages = r.Records.PriorityMessages;
        var requests = messages.Where(m => m.Type != PriorityMessageType.Status).ToList();
        var replies = messages.Where(m => m.Type == PriorityMessageType.Status).ToList();
        var grants = r.Records.Priority.Where(e => IsGrant(e.Action)).ToList();
        output.WriteLine($"{requests.Count} request messages, {replies.Count} replies, {grants.Count} grants");
        Assert.NotEmpty(grants);
        var granted = replies.Where(m => m.Status == PriorityRequestStatus.Granted && !m.Final).ToLookup(m => (m.Ticks, m.VehicleId, m.Intersection));
        // One granted reply per grant at least (an update answered in the same instant repeats the status).
        foreach (var g in grants.GroupBy(e => (e.Ticks, e.VehicleId, e.Intersection)))
            Assert.True(granted[g.Key].Count() >= g.Count(), $"grant to vehicle {g.Key.VehicleId} at {SimTime.ToSeconds(g.Key.Ticks)} s has a granted reply");

        var arrived = requests.Where(m => !m.Lost).ToLookup(m => (m.RequestId, m.Sequence));
        foreach (var reply in replies)
        {
            var answered = Assert.Single(arrived[(reply.RequestId, reply.Sequence)]);
            Assert.True(answered.DeliveredTicks <= reply.Ticks, "a reply comes after the message it answers");
            Assert.Equal((answered.VehicleId, answered.Intersection), (reply.VehicleId, reply.Intersection));
        }
        // Each request message that arrived is answered when it arrives.
        var answeredAt = replies.Select(m => (m.RequestId, m.Sequence, m.Ticks)).ToHashSet();
        Assert.All(requests.Where(m => !m.Lost), m => Assert.Contains((m.RequestId, m.Sequence, m.DeliveredTicks), answeredAt));
        // Sequence numbers count each request's messages from 1.
        foreach (var g in requests.GroupBy(m => m.RequestId))
            Assert.Equal(Enumerable.Range(1, g.Count()), g.Select(m => m.Sequence));
    }

    [Fact]
    public void The_message_file_parses_and_its_counts_are_those_of_the_summary()
    {
        using var tmp = new TempDirectory();
        var result = Run(Shared(5, 0.3), 2);
        var summary = RunOutputWriter.Write(result, new RunContext("porte-de-choisy.json", "test", []), tmp["out"]);
        var lines = File.ReadAllLines(tmp["out/" + PriorityMessagesJsonlWriter.FileName]);
        Assert.NotEmpty(lines);
        var parsed = lines.Select(l =>
        {
            using var _ = JsonDocument.Parse(l); // each line is a JSON object of its own
            return PriorityMessagesJsonlWriter.Parse(l);
        }).ToList();
        Assert.All(parsed, p => Assert.Contains(p.Message, new[] { "srem", "ssem" }));

        using var doc = JsonDocument.Parse(File.ReadAllBytes(tmp["out/summary.json"]));
        var centres = doc.RootElement.GetProperty("priority_messages").GetProperty("centres").EnumerateArray().ToList();
        Assert.Equal(result.Model.Centres.Length, centres.Count);
        var totalRequests = 0;
        foreach (var c in centres)
        {
            var id = c.GetProperty("centre").GetString();
            var mine = parsed.Where(p => p.Centre == id).ToList();
            var requestIds = mine.Where(p => p is { Message: "srem", Type: "request" }).Select(p => p.RequestId).ToHashSet();
            var grantedIds = mine.Where(p => p is { Message: "ssem", Status: "granted", Final: false }).Select(p => p.RequestId).ToHashSet();
            var rejectedIds = mine.Where(p => p is { Message: "ssem", Status: "rejected" }).Select(p => p.RequestId).Where(i => !grantedIds.Contains(i)).ToHashSet();
            Assert.Equal(requestIds.Count, c.GetProperty("requests").GetInt32());
            Assert.Equal(mine.Count(p => p is { Message: "srem", Channel: "link" }), c.GetProperty("relayed").GetInt32());
            Assert.Equal(mine.Count(p => p.Lost == true), c.GetProperty("lost_on_link").GetInt32());
            Assert.Equal(grantedIds.Count, c.GetProperty("granted").GetInt32());
            Assert.Equal(rejectedIds.Count, c.GetProperty("rejected").GetInt32());
            var served = c.GetProperty("served_in_time").GetInt32();
            Assert.Equal(grantedIds.Count, served + c.GetProperty("wasted").GetInt32() + c.GetProperty("open_at_end").GetInt32());
            totalRequests += requestIds.Count;
            output.WriteLine($"{id}: {requestIds.Count} requests, {grantedIds.Count} granted, {served} served in time, {c.GetProperty("lost_on_link").GetInt32()} lost");
        }
        Assert.True(totalRequests > 0);
        // The per-line rows add up to the centres'.
        foreach (var c in summary.PriorityMessages.Centres)
        {
            var sum = summary.PriorityMessages.Lines.Where(l => l.Centre == c.Centre).Aggregate(PriorityMessageCounts.Empty(c.Centre, null), (a, b) => a.Plus(b));
            Assert.Equal(c, sum);
        }
    }

    [Fact]
    public void Served_in_time_means_the_vehicle_crossed_in_the_green_it_was_granted()
    {
        var r = Run(Shared(2, 0), 1);
        var summary = PriorityMessageMetrics.Build(r);
        var granted = summary.Centres.Sum(c => c.Granted);
        var served = summary.Centres.Sum(c => c.ServedInTime);
        output.WriteLine($"{granted} granted, {served} served in time, {summary.Centres.Sum(c => c.Wasted)} wasted");
        Assert.InRange(served, 1, granted);
        // A granted request that lapsed at the controller (no check-out in time) is wasted, never served.
        var lapsedAfterGrant = r.Records.Priority.Where(e => e.Action == PriorityAction.Expired)
            .Count(e => r.Records.Priority.Any(g => IsGrant(g.Action) && g.VehicleId == e.VehicleId && g.Intersection == e.Intersection && g.Ticks <= e.Ticks));
        Assert.True(summary.Centres.Sum(c => c.Wasted) >= lapsedAfterGrant);
        // Served requests are those whose vehicle checked out: at most the check-outs after a grant.
        var checkedOutAfterGrant = r.Records.Priority.Where(e => e.Action == PriorityAction.CheckedOut)
            .Count(e => r.Records.Priority.Any(g => IsGrant(g.Action) && g.VehicleId == e.VehicleId && g.Intersection == e.Intersection && g.Ticks <= e.Ticks));
        Assert.InRange(served, 1, checkedOutAfterGrant);
    }
}
