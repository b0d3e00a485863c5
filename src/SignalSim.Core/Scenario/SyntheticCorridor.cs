// A generated arterial corridor for benchmarks and tests: N fixed-time intersections on a
// 2×2-lane main road with one-lane side streets, a green wave and about 6,000 veh/h of
// Poisson demand. It is a size and load reference for speed work, not a real site.
namespace SignalSim.Core.Scenario;

public static class SyntheticCorridor
{
    public const int DefaultIntersections = 10;
    public const double DefaultSpacingM = 250;
    public const double DefaultTotalDemandVehPerHour = 6000;

    private const double MainSpeedKmh = 50;
    private const double SideSpeedKmh = 30;
    private const double SideLengthM = 150;
    private const double CycleS = 90;
    private const double IntergreenS = 5;
    private const double MainGreenS = 55;

    // 40 % of the demand enters at the two main-road ends, 60 % from the side streets, so the
    // main road stays near two thirds of its capacity whatever the corridor does downstream.
    private const double MainShareOfDemand = 0.4;
    private const double MainThroughShare = 0.75;

    /// <summary>Intersections a side-street vehicle drives on the main road before turning off again.</summary>
    private const int MainRoadHops = 2;

    /// <summary>
    /// Builds the corridor from west (W) to east (E). Intersection k is X{k}; its side streets
    /// lead to boundaries N{k} and S{k}. The demand mix keeps every approach undersaturated at
    /// the defaults; far from them (few intersections, much more demand) capacity warnings may appear.
    /// </summary>
    public static ScenarioFile Create(int intersections = DefaultIntersections, double spacingM = DefaultSpacingM,
        double totalDemandVehPerHour = DefaultTotalDemandVehPerHour, ulong seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intersections, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(spacingM, 10.0);
        ArgumentOutOfRangeException.ThrowIfNegative(totalDemandVehPerHour);
        var mainEntryFlow = totalDemandVehPerHour * MainShareOfDemand / 2;
        var sideEntryFlow = totalDemandVehPerHour * (1 - MainShareOfDemand) / (2 * intersections);
        return Build(intersections, spacingM, mainEntryFlow, sideEntryFlow, seed);
    }

    /// <summary>
    /// The corridor of <paramref name="intersections"/> intersections loaded as the default
    /// 10-intersection one is, intersection by intersection: the main-road ends keep their flow
    /// (1,200 veh/h each) and every side street keeps its own (180 veh/h), so the vehicles in the
    /// network, and the work per step, grow in proportion to the intersections. The network for
    /// scaling benchmarks; at 10 intersections it is exactly <see cref="Create"/>'s default.
    /// </summary>
    public static ScenarioFile CreateScaled(int intersections, ulong seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intersections, 1);
        return Build(intersections, DefaultSpacingM, DefaultTotalDemandVehPerHour * MainShareOfDemand / 2,
            DefaultTotalDemandVehPerHour * (1 - MainShareOfDemand) / (2 * DefaultIntersections), seed);
    }

    private static ScenarioFile Build(int n, double spacingM, double mainEntryFlow, double sideEntryFlow, ulong seed)
    {
        var totalDemandVehPerHour = 2 * mainEntryFlow + 2 * n * sideEntryFlow;
        return new ScenarioFile
        {
            Name = "synthetic-corridor",
            Description = $"Generated corridor of {n} signalised intersections {spacingM} m apart: a 2×2-lane main road at {MainSpeedKmh} km/h, one-lane side streets at every intersection, about {totalDemandVehPerHour:0} veh/h.",
            Assumptions =
            [
                "Geometry, flows and timings are generated, not measured.",
                $"Side streets are {SideLengthM} m long at {SideSpeedKmh} km/h (Paris default limit).",
                $"Fixed-time plan: main road green 0–{MainGreenS} s, side streets green {MainGreenS + IntergreenS}–{CycleS - IntergreenS} s, {IntergreenS} s intergreens, {CycleS} s cycle.",
                "Offsets give an eastbound green wave at the speed limit.",
                $"Main-road entries carry {MainShareOfDemand:P0} of the demand, {MainThroughShare:P0} of it through; side-street vehicles that turn onto the main road turn off again {MainRoadHops} intersections later.",
            ],
            Simulation = new SimulationSettings { DurationS = 3600, WarmupS = 300, StepS = 0.5, Seed = seed },
            Centres = [new CentreSpec { Id = "paris", Name = "PC Lutèce", Periods = [new PlanPeriodSpec { StartS = 0, Plan = "day" }] }],
            Intersections = [.. Enumerable.Range(0, n).Select(k => Intersection(k, spacingM))],
            Boundaries =
            [
                new BoundarySpec { Id = "W", XM = -spacingM, YM = 0 },
                new BoundarySpec { Id = "E", XM = n * spacingM, YM = 0 },
                .. Enumerable.Range(0, n).SelectMany(k => new[]
                {
                    new BoundarySpec { Id = $"N{k}", XM = k * spacingM, YM = SideLengthM },
                    new BoundarySpec { Id = $"S{k}", XM = k * spacingM, YM = -SideLengthM },
                }),
            ],
            Links = [.. Links(n, spacingM)],
            Demand =
            [
                MainDemand("eb", Direction.East, n, mainEntryFlow),
                MainDemand("wb", Direction.West, n, mainEntryFlow),
                .. Enumerable.Range(0, n).SelectMany(k => new[] { SideDemand(k, n, fromNorth: true, sideEntryFlow), SideDemand(k, n, fromNorth: false, sideEntryFlow) }),
            ],
        };
    }

    // Link naming. Eastbound link i runs from X{i-1} (W for i = 0) to X{i} (E for i = n), so it
    // approaches X{i}; westbound link i runs from X{i} (E for i = n) to X{i-1} (W for i = 0), so
    // it approaches X{i-1} and leaves X{i}.
    private static string Eb(int i) => $"eb-{i}";
    private static string Wb(int i) => $"wb-{i}";
    private static string NorthIn(int k) => $"n-in-{k}";
    private static string NorthOut(int k) => $"n-out-{k}";
    private static string SouthIn(int k) => $"s-in-{k}";
    private static string SouthOut(int k) => $"s-out-{k}";
    private static string X(int k) => $"X{k}";

    private static IEnumerable<LinkSpec> Links(int n, double spacingM)
    {
        for (var i = 0; i <= n; i++)
        {
            var west = i == 0 ? "W" : X(i - 1);
            var east = i == n ? "E" : X(i);
            yield return new LinkSpec { Id = Eb(i), Name = $"main road eastbound {i}", From = west, To = east, LengthM = spacingM, SpeedLimitKmh = MainSpeedKmh, Lanes = 2 };
            yield return new LinkSpec { Id = Wb(i), Name = $"main road westbound {i}", From = east, To = west, LengthM = spacingM, SpeedLimitKmh = MainSpeedKmh, Lanes = 2 };
        }
        for (var k = 0; k < n; k++)
        {
            yield return Side(NorthIn(k), $"N{k}", X(k));
            yield return Side(NorthOut(k), X(k), $"N{k}");
            yield return Side(SouthIn(k), $"S{k}", X(k));
            yield return Side(SouthOut(k), X(k), $"S{k}");
        }

        static LinkSpec Side(string id, string from, string to) =>
            new() { Id = id, From = from, To = to, LengthM = SideLengthM, SpeedLimitKmh = SideSpeedKmh, Lanes = 1 };
    }

    private static IntersectionSpec Intersection(int k, double spacingM)
    {
        var ebIn = Eb(k);
        var ebOut = Eb(k + 1);
        var wbIn = Wb(k + 1);
        var wbOut = Wb(k);
        // Lane 0 is the rightmost: right turns from it, left turns from lane 1, through from both.
        MovementSpec M(string from, string to, string group, int? lane = null) =>
            new() { From = from, To = to, Group = group, Lanes = lane is { } l ? [l] : null };
        var travelS = spacingM / (MainSpeedKmh / 3.6);
        return new IntersectionSpec
        {
            Id = X(k),
            Centre = "paris",
            XM = k * spacingM,
            YM = 0,
            SignalGroups =
            [
                new SignalGroupSpec { Id = "main", Description = "main road, both directions", AmberS = 3, MinGreenS = 6 },
                new SignalGroupSpec { Id = "side", Description = "side streets, both directions", AmberS = 3, MinGreenS = 6 },
            ],
            Intergreens =
            [
                new IntergreenSpec { From = "main", To = "side", IntergreenS = IntergreenS },
                new IntergreenSpec { From = "side", To = "main", IntergreenS = IntergreenS },
            ],
            Movements =
            [
                M(ebIn, ebOut, "main"), M(ebIn, SouthOut(k), "main", 0), M(ebIn, NorthOut(k), "main", 1),
                M(wbIn, wbOut, "main"), M(wbIn, NorthOut(k), "main", 0), M(wbIn, SouthOut(k), "main", 1),
                M(NorthIn(k), SouthOut(k), "side"), M(NorthIn(k), wbOut, "side"), M(NorthIn(k), ebOut, "side"),
                M(SouthIn(k), NorthOut(k), "side"), M(SouthIn(k), ebOut, "side"), M(SouthIn(k), wbOut, "side"),
            ],
            Plans = new Dictionary<string, PlanSpec>(StringComparer.Ordinal)
            {
                // Whole seconds keep the offsets readable; the wave is exact enough at that rounding.
                ["day"] = new PlanSpec
                {
                    CycleS = CycleS,
                    OffsetS = Math.Round(k * travelS % CycleS),
                    Greens = new Dictionary<string, GreenWindowSpec>(StringComparer.Ordinal)
                    {
                        ["main"] = new GreenWindowSpec { StartS = 0, EndS = MainGreenS },
                        ["side"] = new GreenWindowSpec { StartS = MainGreenS + IntergreenS, EndS = CycleS - IntergreenS },
                    },
                },
            },
        };
    }

    /// <summary>Direction of travel on the main road.</summary>
    private enum Direction { East, West }

    /// <summary>Main-road links from the link leaving X{from} (or the entry) up to the approach of X{to}, or to the exit when to is outside.</summary>
    private static IEnumerable<string> MainLinks(Direction d, int n, int leaving, int arriving)
    {
        // leaving = -1 (east) or n (west) means "from the entry"; arriving = n (east) or -1 (west) means "to the exit".
        if (d == Direction.East)
        {
            for (var i = leaving + 1; i <= Math.Min(arriving, n); i++) yield return Eb(i);
        }
        else
        {
            for (var i = leaving; i >= Math.Max(arriving + 1, 0); i--) yield return Wb(i);
        }
    }

    private static DemandSpec MainDemand(string id, Direction d, int n, double flow)
    {
        var entry = d == Direction.East ? -1 : n;
        var exit = d == Direction.East ? n : -1;
        var routes = new List<RouteSpec> { new() { Id = "through", Links = [.. MainLinks(d, n, entry, exit)], Share = MainThroughShare } };
        var turnShare = (1 - MainThroughShare) / (2 * n);
        for (var k = 0; k < n; k++)
        {
            var approach = MainLinks(d, n, entry, k).ToList();
            // Eastbound, right is south; westbound, right is north.
            var (right, left) = d == Direction.East ? (SouthOut(k), NorthOut(k)) : (NorthOut(k), SouthOut(k));
            routes.Add(new RouteSpec { Id = $"right-at-{X(k)}", Links = [.. approach, right], Share = turnShare });
            routes.Add(new RouteSpec { Id = $"left-at-{X(k)}", Links = [.. approach, left], Share = turnShare });
        }
        return new DemandSpec { Id = id, Arrivals = ArrivalProcess.Poisson, Periods = [new FlowPeriodSpec { StartS = 0, FlowVehPerHour = flow }], Routes = routes };
    }

    private static DemandSpec SideDemand(int k, int n, bool fromNorth, double flow)
    {
        var entry = fromNorth ? NorthIn(k) : SouthIn(k);
        var across = fromNorth ? SouthOut(k) : NorthOut(k);
        // Southbound, right is west and left is east; northbound the other way round.
        var (right, left) = fromNorth ? (Direction.West, Direction.East) : (Direction.East, Direction.West);
        return new DemandSpec
        {
            Id = fromNorth ? $"n{k}" : $"s{k}",
            Arrivals = ArrivalProcess.Poisson,
            Periods = [new FlowPeriodSpec { StartS = 0, FlowVehPerHour = flow }],
            Routes =
            [
                new RouteSpec { Id = "across", Links = [entry, across] },
                new RouteSpec { Id = "right", Links = [entry, .. OntoMainRoad(right, k, n)] },
                new RouteSpec { Id = "left", Links = [entry, .. OntoMainRoad(left, k, n)] },
            ],
        };
    }

    /// <summary>From X{k} along the main road, turning right off it a few intersections on, or to the corridor end.</summary>
    private static IEnumerable<string> OntoMainRoad(Direction d, int k, int n)
    {
        var target = d == Direction.East ? k + MainRoadHops : k - MainRoadHops;
        if (target < 0 || target >= n)
            return MainLinks(d, n, k, d == Direction.East ? n : -1);
        var offRight = d == Direction.East ? SouthOut(target) : NorthOut(target);
        return [.. MainLinks(d, n, k, target), offRight];
    }
}
