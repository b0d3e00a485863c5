// The decision variables of an optimisation: one common cycle, an offset per intersection and
// the relative weights of each intersection's green intervals (its split), and how they become
// a strategy: the starting strategy's overlay (clocks, priority, forwarding, green waves) with one
// new plan per intersection that every centre runs all day.
using System.Globalization;
using SignalSim.Core;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;

namespace SignalSim.Analysis.Optimisation;

/// <summary>A point of the search; immutable, so candidates can be derived and cached freely.</summary>
internal sealed record SignalTimings(long CycleTicks, long[] OffsetTicks, double[][] Weights)
{
    public SignalTimings WithCycle(long cycleTicks) => this with
    {
        CycleTicks = cycleTicks,
        OffsetTicks = OffsetTicks.Select(o => SimTime.Mod(o, cycleTicks)).ToArray(),
    };

    public SignalTimings WithOffset(int intersection, long offsetTicks)
    {
        var offsets = (long[])OffsetTicks.Clone();
        offsets[intersection] = SimTime.Mod(offsetTicks, CycleTicks);
        return this with { OffsetTicks = offsets };
    }

    public SignalTimings WithWeight(int intersection, int interval, double weight)
    {
        var weights = Weights.Select(w => (double[])w.Clone()).ToArray();
        weights[intersection][interval] = weight;
        return this with { Weights = weights };
    }

    /// <summary>A key equal for equal timings, for the cache of evaluated points.</summary>
    public string Key() => string.Create(CultureInfo.InvariantCulture,
        $"{CycleTicks}|{string.Join(",", OffsetTicks)}|{string.Join(";", Weights.Select(w => string.Join(",", w.Select(x => x.ToString("R", CultureInfo.InvariantCulture)))))}");
}

/// <summary>The starting point of an optimisation and the way from timings to a strategy.</summary>
internal sealed class TimingSpace
{
    public const string PlanName = "optimised";

    private readonly ScenarioFile _baseScenario;
    private readonly StrategySpec _start;

    private TimingSpace(ScenarioFile baseScenario, StrategySpec start, PlanShape[] shapes, string[] intersectionIds)
    {
        _baseScenario = baseScenario;
        _start = start;
        Shapes = shapes;
        IntersectionIds = intersectionIds;
    }

    public PlanShape[] Shapes { get; }
    public string[] IntersectionIds { get; }

    /// <summary>
    /// Reads the plans the starting strategy runs when measurement starts (green-wave offsets
    /// included) from its compiled model.
    /// </summary>
    public static TimingSpace From(ScenarioFile baseScenario, StrategySpec start)
    {
        var applied = StrategyOverlay.Apply(baseScenario, start);
        var model = SimulationModelBuilder.Build(applied);
        var shapes = model.Controllers.Select(c =>
        {
            var slot = c.Centre.PlanSlotAt(c.Centre.LocalTicks(model.WarmupTicks));
            return new PlanShape(c.PlansBySlot[slot], c.GroupIds);
        }).ToArray();
        return new TimingSpace(baseScenario, start, shapes, model.IntersectionIds);
    }

    /// <summary>The starting timings; the common cycle starts at the longest cycle in force.</summary>
    public SignalTimings Start()
    {
        var cycle = Shapes.Max(s => s.CycleTicks);
        return new SignalTimings(cycle,
            Shapes.Select(s => SimTime.Mod(s.OffsetTicks, cycle)).ToArray(),
            Shapes.Select(s => Enumerable.Repeat(1.0, s.GreenIntervals.Length).ToArray()).ToArray());
    }

    /// <summary>The strategy that runs these timings, or null when a plan cannot be retimed so.</summary>
    public StrategySpec? Strategy(SignalTimings t, string id, string description)
    {
        var plans = new Dictionary<string, IntersectionOverlaySpec>(StringComparer.Ordinal);
        for (var i = 0; i < Shapes.Length; i++)
        {
            var plan = Shapes[i].Retime(t.CycleTicks, t.OffsetTicks[i], t.Weights[i]);
            if (plan is null) return null;
            _start.Intersections.TryGetValue(IntersectionIds[i], out var own);
            plans[IntersectionIds[i]] = new IntersectionOverlaySpec
            {
                Plans = new Dictionary<string, PlanSpec>(StringComparer.Ordinal) { [PlanName] = plan },
                Priority = own?.Priority,
            };
        }
        var centres = _baseScenario.Centres.ToDictionary(c => c.Id, c =>
        {
            _start.Centres.TryGetValue(c.Id, out var own);
            return new CentreOverlaySpec
            {
                Clock = own?.Clock,
                Priority = own?.Priority,
                Forwarding = own?.Forwarding,
                Periods = [new PlanPeriodSpec { StartS = 0, Plan = PlanName }],
            };
        }, StringComparer.Ordinal);
        return new StrategySpec
        {
            Id = id,
            Description = description,
            Centres = centres,
            Intersections = plans,
            GreenWaves = _start.GreenWaves,
        };
    }

    /// <summary>The scenario a strategy runs, if it passes validation in full; null otherwise.</summary>
    public ScenarioFile? Validated(StrategySpec strategy)
    {
        var applied = StrategyOverlay.Apply(_baseScenario, strategy);
        return ScenarioValidator.Validate(applied).Any(d => d.Severity == DiagnosticSeverity.Error) ? null : applied;
    }
}
