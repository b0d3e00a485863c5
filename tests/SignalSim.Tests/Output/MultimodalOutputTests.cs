// The files of a run with every mode (MultimodalScenario): pedestrians.csv and priority.csv,
// line vehicles in trips.csv, the per-mode, per-line and "points durs" parts of summary.json,
// and byte-identical files from identical runs.
using System.Globalization;
using System.Text.Json;
using SignalSim.Core.Engine;
using SignalSim.Core.Metrics;
using SignalSim.Core.Output;
using SignalSim.Core.Scenario;

namespace SignalSim.Tests.Output;

public sealed class MultimodalOutputTests : IDisposable
{
    private static readonly Lazy<SimulationResult> Result = new(() => MultimodalScenario.Run());

    private static readonly RunContext Context = new(MultimodalScenario.FileName, "test", []);

    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string[][] Rows(string file) => File.ReadLines(_tmp[Path.Combine("out", file)]).Skip(1).Select(l => l.Split(',')).ToArray();

    private JsonElement Summary()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(_tmp["out/summary.json"]));
        return doc.RootElement.Clone();
    }

    private static double Number(string field) => double.Parse(field, CultureInfo.InvariantCulture);

    /// <summary>Priority events of the measured vehicles: those that arrived at their entry in the measured period, finished or not.</summary>
    private static List<PriorityEvent> MeasuredPriority(SimulationResult r)
    {
        var measured = r.Records.Trips.Concat(r.Records.UnfinishedTrips)
            .Where(t => t.DepartTicks >= r.Model.WarmupTicks && t.DepartTicks < r.Model.MeasuredEndTicks).Select(t => t.VehicleId).ToHashSet();
        return r.Records.Priority.Where(e => measured.Contains(e.VehicleId)).ToList();
    }

    [Fact]
    public void Pedestrians_OneRowPerPedestrian_WaitIsStartMinusArrival()
    {
        var r = Result.Value;
        RunOutputWriter.Write(r, Context, _tmp["out"]);

        Assert.Equal("crossing,intersection,centre,direction,arrival_s,start_s,wait_s,finished", File.ReadLines(_tmp["out/pedestrians.csv"]).First());
        var rows = Rows(PedestriansCsvWriter.FileName);
        Assert.Equal(r.Records.Pedestrians.Count + r.Records.UnfinishedPedestrians.Count, rows.Length);
        Assert.Equal(r.Records.UnfinishedPedestrians.Count, rows.Count(row => row[7] == "no"));
        Assert.True(rows.Length > 100, $"only {rows.Length} pedestrians");
        var first = r.Records.Pedestrians[0];
        Assert.Equal(
            ["west-arm", "X", "paris", first.Backward ? "backward" : "forward",
             (first.ArrivalTicks / 1000.0).ToString("F3", CultureInfo.InvariantCulture),
             (first.StartTicks / 1000.0).ToString("F3", CultureInfo.InvariantCulture),
             first.WaitS.ToString("F3", CultureInfo.InvariantCulture), "yes"],
            rows[0]);
        Assert.Contains(rows, row => row[3] == "forward");
        Assert.Contains(rows, row => row[3] == "backward");
        Assert.All(rows, row => Assert.Equal(Number(row[5]) - Number(row[4]), Number(row[6]), 3));
        Assert.All(rows, row => Assert.True(Number(row[4]) >= r.Model.WarmupTicks / 1000.0, "a pedestrian of the warm-up was written"));
        Assert.All(rows, row => Assert.True(Number(row[4]) < r.Model.MeasuredEndTicks / 1000.0, "a pedestrian of the cool-down was written"));
    }

    [Fact]
    public void Priority_OneRowPerEventOfTheMeasuredPeriod_InWords()
    {
        var r = Result.Value;
        RunOutputWriter.Write(r, Context, _tmp["out"]);

        Assert.Equal("time_s,vehicle_id,mode,line,intersection,centre,source,action,reason,eta_s,lateness_s,granted_s",
            File.ReadLines(_tmp["out/priority.csv"]).First());
        var rows = Rows(PriorityCsvWriter.FileName);
        var measured = MeasuredPriority(r);
        Assert.NotEmpty(measured);
        Assert.Equal(measured.Count, rows.Length);

        // The first event: a tram's request at its check-in detector.
        var e = measured[0];
        Assert.Equal(PriorityAction.Requested, e.Action);
        Assert.Equal(
            [(e.Ticks / 1000.0).ToString("F3", CultureInfo.InvariantCulture), e.VehicleId.ToString(CultureInfo.InvariantCulture), "tram", "tram-north", "X", "paris",
             "detector", "requested", "", e.EtaS.ToString("F3", CultureInfo.InvariantCulture), e.LatenessS.ToString("F3", CultureInfo.InvariantCulture), ""],
            rows[0]);
        Assert.All(rows, row => Assert.Contains(row[7], new[] { "requested", "extension", "early-green", "checked-out", "expired", "refused" }));
        Assert.All(rows, row => Assert.Equal(row[7] == "refused", row[8] != ""));
        Assert.All(rows, row => Assert.Equal(row[7] is "checked-out" or "expired", row[11] != ""));
        Assert.Contains(rows, row => row[7] == "early-green");
    }

    [Fact]
    public void Trips_OfLineVehicles_HaveNoDemand_AndTheLineAsRoute()
    {
        RunOutputWriter.Write(Result.Value, Context, _tmp["out"]);
        var rows = Rows(TripsCsvWriter.FileName);

        var bus = rows.Where(row => row[1] == "bus").ToList();
        var tram = rows.Where(row => row[1] == "tram").ToList();
        Assert.NotEmpty(bus);
        Assert.NotEmpty(tram);
        Assert.All(bus, row => Assert.Equal(["bus", "bus", "", "bus-east", "west-in", "east-out"], row[1..7]));
        Assert.All(tram, row => Assert.Equal(["tram", "tram", "", "tram-north", "south-in", "north-out"], row[1..7]));
        Assert.Contains(rows, row => row[1..7] is ["car", "car", "main", "through", "west-in", "east-out"]);
    }

    [Fact]
    public void Summary_ReportsEveryModeAndPedestrians()
    {
        var r = Result.Value;
        RunOutputWriter.Write(r, Context, _tmp["out"]);
        var root = Summary();

        Assert.Equal(["car", "bus", "tram"], root.GetProperty("modes").EnumerateArray().Select(m => m.GetProperty("mode").GetString()));
        var bus = root.GetProperty("modes")[1];
        var busTrips = r.Records.Trips.Where(t => r.Model.Classes[t.ClassIndex].Mode == TravelMode.Bus).ToList();
        Assert.Equal(busTrips.Count, bus.GetProperty("trips").GetInt32());
        Assert.Equal(busTrips.Sum(t => 50 * t.DelayS) / 3600, bus.GetProperty("person_delay_h").GetDouble(), 3);

        var pedestrians = root.GetProperty("pedestrians");
        var waits = r.Records.Pedestrians.Select(p => p.WaitS).ToList();
        Assert.Equal(waits.Count, pedestrians.GetProperty("crossed").GetInt32());
        Assert.Equal(waits.Average(), pedestrians.GetProperty("wait_s").GetProperty("mean").GetDouble(), 3);
        Assert.Equal(waits.Count(w => w > 60) / (double)waits.Count, pedestrians.GetProperty("share_waiting_over_60_s").GetDouble(), 4);
        var crossing = Assert.Single(pedestrians.GetProperty("crossings").EnumerateArray());
        Assert.Equal("west-arm", crossing.GetProperty("crossing").GetString());
        Assert.Equal(waits.Count, crossing.GetProperty("crossed").GetInt32());
        // Walk green 22 s of a 90 s cycle: nobody waits much longer than the 68 s red.
        Assert.InRange(pedestrians.GetProperty("wait_s").GetProperty("p95").GetDouble(), 50, 75);
    }

    [Fact]
    public void Summary_Lines_AgreeWithTheRecords()
    {
        var r = Result.Value;
        var m = r.Model;
        RunOutputWriter.Write(r, Context, _tmp["out"]);
        var lines = Summary().GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(["bus-east", "tram-north"], lines.Select(l => l.GetProperty("line").GetString()));

        var bus = lines[0];
        var busRoute = Array.IndexOf(m.RouteIds, "bus-east");
        var busTrips = r.Records.Trips.Where(t => t.Route == busRoute).ToList();
        Assert.Equal(busTrips.Count, bus.GetProperty("trips").GetInt32());
        Assert.Equal(busTrips.Average(t => t.TravelTimeS), bus.GetProperty("travel_time_s").GetProperty("mean").GetDouble(), 3);
        Assert.Equal("halfway", bus.GetProperty("lateness_stop").GetString());
        Assert.Equal("halfway", bus.GetProperty("regularity_stop").GetString());
        var departures = r.Records.StopEvents
            .Where(e => e.DepartTicks >= m.WarmupTicks && e.DepartTicks < m.MeasuredEndTicks)
            .Select(e => e.DepartTicks / 1000.0).Order().ToList();
        Assert.Equal(departures.Count - 1, bus.GetProperty("headways").GetInt32());
        var headways = departures.Zip(departures.Skip(1), (a, b) => b - a).ToList();
        var mean = headways.Average();
        var sd = Math.Sqrt(headways.Sum(h => (h - mean) * (h - mean)) / (headways.Count - 1));
        Assert.Equal(sd / mean, bus.GetProperty("headway_cv").GetDouble(), 4);
        var dwell = busTrips.Average(t => r.Records.StopEvents.Where(e => e.VehicleId == t.VehicleId).Sum(e => (e.DepartTicks - e.ArriveTicks) / 1000.0));
        Assert.Equal(dwell, bus.GetProperty("mean_dwell_s").GetDouble(), 3);
        Assert.True(dwell >= 10, "every bus dwells at least the fixed 10 s");

        // The tram has no stop: lateness at the exit, against its departure (no jitter) and its scheduled running time.
        var tram = lines[1];
        var tramRoute = Array.IndexOf(m.RouteIds, "tram-north");
        var tramLine = m.Lines[m.RouteLine[tramRoute]];
        var tramTrips = r.Records.Trips.Where(t => t.Route == tramRoute).ToList();
        Assert.Equal(JsonValueKind.Null, tram.GetProperty("lateness_stop").ValueKind);
        Assert.Equal(tramTrips.Average(t => t.TravelTimeS - tramLine.ScheduledRunTimeS), tram.GetProperty("lateness_s").GetProperty("mean").GetDouble(), 3);
        Assert.Equal(JsonValueKind.Null, tram.GetProperty("headway_cv").ValueKind);
        Assert.Equal(0, tram.GetProperty("mean_dwell_s").GetDouble());
    }

    [Fact]
    public void Summary_PointsDurs_AttributeSignalDelayAndCountPriority()
    {
        var r = Result.Value;
        var m = r.Model;
        RunOutputWriter.Write(r, Context, _tmp["out"]);
        var points = Summary().GetProperty("points_durs");

        var busLink = Array.IndexOf(m.LinkIds, "west-in");
        var busDelays = r.Records.Crossings.Where(c => c.ApproachLink == busLink && m.Classes[c.ClassIndex].Mode == TravelMode.Bus)
            .Select(c => c.DelayS - c.DwellS).ToList();
        var busLine = points.GetProperty("lines")[0];
        Assert.Equal("bus-east", busLine.GetProperty("line").GetString());
        var approach = Assert.Single(busLine.GetProperty("approaches").EnumerateArray());
        Assert.Equal(["X", "paris", "west-in"], new[] { "intersection", "centre", "link" }.Select(k => approach.GetProperty(k).GetString()));
        Assert.Equal(busDelays.Count, approach.GetProperty("crossings").GetInt32());
        Assert.Equal(busDelays.Average(), approach.GetProperty("mean_signal_delay_s").GetDouble(), 3);
        Assert.Equal(busDelays.Average(), busLine.GetProperty("signal_delay_per_trip_s").GetDouble(), 3);

        var x = Assert.Single(points.GetProperty("intersections").EnumerateArray());
        Assert.Equal(busDelays.Count, x.GetProperty("bus").GetProperty("crossings").GetInt32());
        Assert.Equal(r.Records.Crossings.Count(c => m.Classes[c.ClassIndex].Mode == TravelMode.Tram), x.GetProperty("tram").GetProperty("crossings").GetInt32());
        var priority = x.GetProperty("priority");
        var measured = MeasuredPriority(r);
        Assert.Equal(measured.Count(e => e.Action == PriorityAction.Requested), priority.GetProperty("requests").GetInt32());
        Assert.Equal(measured.Count(e => e.Action == PriorityAction.EarlyGreen), priority.GetProperty("early_greens").GetInt32());
        Assert.Equal(Enum.GetValues<PriorityReason>().Length - 1, priority.GetProperty("refusals").EnumerateObject().Count()); // every reason but none
        // Absolute tram priority: trams barely wait at the signal.
        Assert.InRange(x.GetProperty("tram").GetProperty("mean_signal_delay_s").GetDouble(), -1, 5);
    }

    [Fact]
    public void IdenticalRuns_WriteIdenticalBytes_AnotherSeedOtherPedestrians()
    {
        RunOutputWriter.Write(MultimodalScenario.Run(durationS: 900), Context, _tmp["a"]);
        RunOutputWriter.Write(MultimodalScenario.Run(durationS: 900), Context, _tmp["b"]);
        RunOutputWriter.Write(MultimodalScenario.Run(durationS: 900, seed: 2), Context, _tmp["c"]);

        foreach (var file in RunOutputWriter.FileNames)
        {
            var a = File.ReadAllBytes(Path.Combine(_tmp["a"], file));
            Assert.True(a.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_tmp["b"], file))), $"{file} differs between two identical runs");
            Assert.DoesNotContain((byte)'\r', a);
        }
        Assert.NotEqual(File.ReadAllText(_tmp["a/pedestrians.csv"]), File.ReadAllText(_tmp["c/pedestrians.csv"]));
    }
}
