// Retiming a plan for the optimiser: clearances (no group green) keep their length, greens scale
// to the new cycle or move between stages with the split weights, order is kept, and a cycle the
// clearances alone would fill is refused.
using SignalSim.Analysis.Optimisation;
using SignalSim.Core;
using SignalSim.Core.Signals;

namespace SignalSim.Tests.Analysis;

public class PlanShapeTests
{
    private static long T(double s) => SimTime.FromSeconds(s);

    /// <summary>Masséna's day plan: boulevard 110–20, left turns 25–45, avenue 51–103 in 120 s.</summary>
    private static PlanShape Massena()
    {
        var cycle = T(120);
        var windows = new[]
        {
            new GreenWindow(T(110), T(20), cycle), new GreenWindow(T(25), T(45), cycle), new GreenWindow(T(51), T(103), cycle),
        };
        return new PlanShape(new FixedTimePlan("day", cycle, T(7), windows, [T(3), T(3), T(3)]), ["boulevard", "left", "avenue"]);
    }

    [Fact]
    public void Same_cycle_and_weights_give_back_the_plan()
    {
        var plan = Massena().Retime(T(120), T(7), [1, 1, 1])!;
        Assert.Equal(120, plan.CycleS);
        Assert.Equal(7, plan.OffsetS);
        Assert.Equal((110, 20), (plan.Greens["boulevard"].StartS, plan.Greens["boulevard"].EndS));
        Assert.Equal((25, 45), (plan.Greens["left"].StartS, plan.Greens["left"].EndS));
        Assert.Equal((51, 103), (plan.Greens["avenue"].StartS, plan.Greens["avenue"].EndS));
    }

    [Fact]
    public void A_shorter_cycle_shrinks_greens_and_keeps_clearances()
    {
        var shape = Massena();
        Assert.Equal(T(18), shape.ClearanceTicks); // 5 + 6 + 7 s
        var plan = shape.Retime(T(84), T(100), [1, 1, 1])!;
        Assert.Equal(84, plan.CycleS);
        Assert.Equal(16, plan.OffsetS); // 100 mod 84
        // Greens 30 + 20 + 52 = 102 s become 66 s in proportion (× 0.647): 19.4, 12.9, 33.7 (rounded to 0.1 s).
        double Green(string g) => (plan.Greens[g].EndS - plan.Greens[g].StartS + 84) % 84;
        Assert.Equal(66, Green("boulevard") + Green("left") + Green("avenue"), 1e-9);
        Assert.Equal(19.4, Green("boulevard"), 1e-9);
        Assert.Equal(12.9, Green("left"), 1e-9);
        // Clearances between the stages are unchanged.
        Assert.Equal(5, plan.Greens["left"].StartS - plan.Greens["boulevard"].EndS, 1e-9);
        Assert.Equal(6, plan.Greens["avenue"].StartS - plan.Greens["left"].EndS, 1e-9);
        Assert.Equal(7, (plan.Greens["boulevard"].StartS - plan.Greens["avenue"].EndS + 84) % 84, 1e-9);
    }

    [Fact]
    public void Weights_move_green_between_stages_within_the_cycle()
    {
        // Green intervals in cycle order from the first boundary (20 s): left turns, avenue, boulevard.
        var plan = Massena().Retime(T(120), T(0), [1, 2, 1])!;
        double Green(string g) => (plan.Greens[g].EndS - plan.Greens[g].StartS + 120) % 120;
        Assert.Equal(102, Green("boulevard") + Green("left") + Green("avenue"), 1e-9);
        Assert.True(Green("avenue") > 52);
        Assert.True(Green("boulevard") < 30);
    }

    [Fact]
    public void A_cycle_filled_by_clearances_is_refused() => Assert.Null(Massena().Retime(T(18), 0, [1, 1, 1]));
}
