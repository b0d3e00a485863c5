// A two-intersection corridor for clock tests: X is run by 'paris', Y by 'val-de-marne', each
// with its own cycle, clock offset and drift.
using SignalSim.Core.Scenario;

namespace SignalSim.Tests.Signals;

internal static class TwoCentreCorridor
{
    public static ScenarioFile Create(double parisCycleS, double valDeMarneCycleS, double valDeMarneDriftSPerHour = 0,
        double valDeMarneOffsetS = 0, double durationS = 3600)
    {
        return new ScenarioFile
        {
            Name = "two-centres",
            Simulation = new SimulationSettings { DurationS = durationS, WarmupS = 0, StartTimeOfDayS = 0 },
            Centres =
            [
                new CentreSpec { Id = "paris", Periods = [new PlanPeriodSpec { Plan = "day" }] },
                new CentreSpec
                {
                    Id = "val-de-marne",
                    Clock = new ClockSpec { OffsetS = valDeMarneOffsetS, DriftSPerHour = valDeMarneDriftSPerHour },
                    Periods = [new PlanPeriodSpec { Plan = "day" }],
                },
            ],
            Intersections = [Intersection("X", "paris", "w-x", "x-y", "sx", "xn", parisCycleS), Intersection("Y", "val-de-marne", "x-y", "y-e", "sy", "yn", valDeMarneCycleS)],
            Boundaries = [new BoundarySpec { Id = "W" }, new BoundarySpec { Id = "E" }, new BoundarySpec { Id = "SX" }, new BoundarySpec { Id = "NX" }, new BoundarySpec { Id = "SY" }, new BoundarySpec { Id = "NY" }],
            Links =
            [
                Link("w-x", "W", "X", 300), Link("x-y", "X", "Y", 250), Link("y-e", "Y", "E", 300),
                Link("sx", "SX", "X", 200), Link("xn", "X", "NX", 200), Link("sy", "SY", "Y", 200), Link("yn", "Y", "NY", 200),
            ],
            Demand =
            [
                new DemandSpec { Id = "main", Periods = [new FlowPeriodSpec { FlowVehPerHour = 400 }], Routes = [new RouteSpec { Id = "through", Links = ["w-x", "x-y", "y-e"] }] },
            ],
        };
    }

    private static LinkSpec Link(string id, string from, string to, double lengthM) =>
        new() { Id = id, From = from, To = to, LengthM = lengthM, SpeedLimitKmh = 50 };

    private static IntersectionSpec Intersection(string id, string centre, string mainIn, string mainOut, string sideIn, string sideOut, double cycleS) => new()
    {
        Id = id,
        Centre = centre,
        SignalGroups = [new SignalGroupSpec { Id = "main" }, new SignalGroupSpec { Id = "side" }],
        Intergreens =
        [
            new IntergreenSpec { From = "main", To = "side", IntergreenS = 5 },
            new IntergreenSpec { From = "side", To = "main", IntergreenS = 5 },
        ],
        Movements =
        [
            new MovementSpec { From = mainIn, To = mainOut, Group = "main" },
            new MovementSpec { From = sideIn, To = sideOut, Group = "side" },
        ],
        Plans = new Dictionary<string, PlanSpec>
        {
            // main green from cycle time 0: its green onsets mark the cycle starts.
            ["day"] = new PlanSpec
            {
                CycleS = cycleS,
                Greens = new Dictionary<string, GreenWindowSpec>
                {
                    ["main"] = new() { StartS = 0, EndS = cycleS / 2 },
                    ["side"] = new() { StartS = cycleS / 2 + 5, EndS = cycleS - 5 },
                },
            },
        },
    };
}
