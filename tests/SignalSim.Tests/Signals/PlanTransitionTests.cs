// Plan transitions by method at the Paris intersection of the two-centre corridor: a night plan
// (50 s) until 06:00, the day plan (90 s) after, with the day offset varied so that the short-way
// has to lengthen in some cases and shorten in others. Each change is recorded (transitions.csv);
// the short-way completes within the cycles its limits allow and never cuts a minimum green.
using SignalSim.Core;
using SignalSim.Core.Engine;
using SignalSim.Core.Metrics;
using SignalSim.Core.Scenario;
using SignalSim.Core.Signals;

namespace SignalSim.Tests.Signals;

public class PlanTransitionTests
{
    private static ScenarioFile NightToDay(double dayOffsetS, TransitionSpec? transition)
    {
        var s = TwoCentreCorridor.Create(90, 90, durationS: 1800);
        var paris = s.Intersections[0];
        var plans = new Dictionary<string, PlanSpec>(paris.Plans)
        {
            ["day"] = paris.Plans["day"] with { OffsetS = dayOffsetS },
            ["night"] = new()
            {
                CycleS = 50,
                OffsetS = 20,
                Greens = new Dictionary<string, GreenWindowSpec> { ["main"] = new() { StartS = 0, EndS = 25 }, ["side"] = new() { StartS = 30, EndS = 45 } },
            },
        };
        return s with
        {
            Simulation = s.Simulation with { StartTimeOfDayS = 6 * 3600 - 600 }, // 05:50, night until 06:00
            Centres =
            [
                s.Centres[0] with
                {
                    Periods = [new PlanPeriodSpec { StartS = 0, Plan = "night" }, new PlanPeriodSpec { StartS = 6 * 3600, Plan = "day" }],
                    Transition = transition,
                },
                s.Centres[1],
            ],
            Intersections = [paris with { Plans = plans }, s.Intersections[1]],
        };
    }

    private static SimulationResult Run(ScenarioFile s) => ScenarioAssert.Start(s, 1).Run();

    private static PlanTransition OnlyTransition(SimulationResult r)
    {
        var t = Assert.Single(r.Records.Transitions, t => t.Intersection == 0);
        var names = r.Model.Centres[0].PlanNames;
        Assert.Equal("night", names[t.FromPlan]);
        Assert.Equal("day", names[t.ToPlan]);
        return t;
    }

    /// <summary>Every green of every group of the intersection, (start, end), the one cut off at the run start left out.</summary>
    private static IEnumerable<(int Group, long Start, long End)> Greens(SimulationResult r, int intersection)
    {
        var start = new Dictionary<int, long>();
        foreach (var c in r.Records.SignalChanges)
        {
            if (r.Model.GroupIntersection[c.Group] != intersection) continue;
            if (c.State == SignalState.Green) start[c.Group] = c.Ticks;
            else if (start.Remove(c.Group, out var s)) yield return (c.Group, s, c.Ticks);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(45)]
    [InlineData(70)]
    [InlineData(85)]
    public void Short_way_completes_within_its_limit_and_never_cuts_a_minimum_green(double dayOffsetS)
    {
        var r = Run(NightToDay(dayOffsetS, new TransitionSpec { Method = TransitionMethod.ShortWay, MaxLengthenPercent = 20, MaxShortenPercent = 17 }));
        var t = OnlyTransition(r);
        Assert.Equal(TransitionMethod.ShortWay, t.Method);
        Assert.True(t.Cycles <= t.PlannedCycles, $"took {t.Cycles} cycles, its limits allow {t.PlannedCycles}");
        // Half a cycle at most to make up, 20 % of a cycle a cycle: never more than 3 cycles.
        Assert.InRange(t.PlannedCycles, 0, 3);
        // Each cycle changed by at most its limit.
        var cycle = SimTime.FromSeconds(90);
        Assert.True(t.LengthenedTicks <= (t.Cycles + 1) * (long)(0.20 * cycle));
        Assert.True(t.ShortenedTicks <= (t.Cycles + 1) * (long)(0.17 * cycle));
        Assert.True(t.LengthenedTicks == 0 || t.ShortenedTicks == 0, "one direction only");
        var controller = r.Model.Controllers[0];
        foreach (var (g, start, end) in Greens(r, 0))
        {
            var local = g - controller.FirstGroup;
            Assert.True(end - start >= controller.MinGreenTicks[local], $"green of {r.Model.GroupIds[g]} at {SimTime.ToSeconds(start)} s lasted {SimTime.ToSeconds(end - start)} s");
        }
        // After the change the day plan runs on its own offset: main onsets at centre times ≡ offset mod 90.
        var main = Array.IndexOf(r.Model.GroupIds, "X/main");
        var after = r.Records.SignalChanges.Where(c => c.Group == main && c.State == SignalState.Green && c.Ticks > t.EndTicks).ToList();
        Assert.True(after.Count >= 10);
        var centre = r.Model.Centres[0];
        Assert.All(after, c => Assert.Equal(SimTime.Mod(SimTime.FromSeconds(dayOffsetS), cycle), SimTime.Mod(centre.LocalTicks(c.Ticks), cycle)));
    }

    [Fact]
    public void Short_way_lengthens_or_shortens_whichever_takes_fewer_cycles()
    {
        // The night plan (offset 20) first reaches its cycle time 0 after 06:00 at 06:00:20; the day
        // plan with offset 85 is then 25 s into its cycle: shortening 25 s (2 cycles at 17 %)
        // beats lengthening 65 s (4 cycles at 20 %).
        var shorten = OnlyTransition(Run(NightToDay(85, new TransitionSpec { Method = TransitionMethod.ShortWay })));
        Assert.True(shorten.ShortenedTicks > 0 && shorten.LengthenedTicks == 0);
        Assert.Equal(2, shorten.PlannedCycles);
        // Offset 30: 80 s into the day cycle; lengthening 10 s (1 cycle) beats shortening 80 s.
        var lengthen = OnlyTransition(Run(NightToDay(30, new TransitionSpec { Method = TransitionMethod.ShortWay })));
        Assert.True(lengthen.LengthenedTicks > 0 && lengthen.ShortenedTicks == 0);
        Assert.Equal(1, lengthen.PlannedCycles);
        Assert.InRange(lengthen.Cycles, 0, 1);
        Assert.Equal(SimTime.FromSeconds(10), lengthen.LengthenedTicks);
    }

    [Fact]
    public void Dwell_is_the_default_and_its_hold_is_its_cost()
    {
        var r = Run(NightToDay(45, transition: null));
        var t = OnlyTransition(r);
        Assert.Equal(TransitionMethod.Dwell, t.Method);
        Assert.Equal(t.EndTicks - t.StartTicks, t.LengthenedTicks);
        Assert.Equal(0, t.ShortenedTicks);
        Assert.InRange(t.EndTicks - t.StartTicks, 0, SimTime.FromSeconds(90));
    }
}

public class ShippedShortWayTests
{
    [Fact]
    public void Shipped_short_way_strategy_completes_every_change_within_its_limit()
    {
        // peak-to-day-short-way: every intersection of both centres leaves the pedestrian-peak plan at 08:30.
        var s = StrategyOverlay.Apply(ScenarioLoader.LoadFile(Path.Combine("scenarios", "porte-de-choisy.json")).Scenario, "peak-to-day-short-way");
        var r = ScenarioAssert.Run(s, 1);
        Assert.Equal(r.Model.Controllers.Length, r.Records.Transitions.Count);
        Assert.All(r.Records.Transitions, t =>
        {
            Assert.Equal(TransitionMethod.ShortWay, t.Method);
            Assert.True(t.Cycles <= t.PlannedCycles, $"{r.Model.IntersectionIds[t.Intersection]}: {t.Cycles} cycles, {t.PlannedCycles} allowed");
        });
    }
}
