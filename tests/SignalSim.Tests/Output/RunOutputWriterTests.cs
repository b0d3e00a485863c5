// The files of a run, checked against the records they come from (a cars-only run here; the
// other modes are in MultimodalOutputTests).
using System.Globalization;
using System.Text.Json;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Output;
using SignalSim.Core.Scenario;

namespace SignalSim.Tests.Output;

public sealed class RunOutputWriterTests : IDisposable
{
    private static readonly Lazy<SimulationResult> Result = new(() =>
    {
        var loaded = ScenarioLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "scenarios", "isolated-intersection.json"));
        return new Simulation(SimulationModelBuilder.Build(loaded.Scenario, durationOverrideS: 900)).Run();
    });

    private static readonly RunContext Context = new("isolated-intersection.json", "test", ["a warning, with a comma"]);

    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Files_HaveOneRowPerRecord_AndOnlyLineFeeds()
    {
        var r = Result.Value;
        RunOutputWriter.Write(r, Context, _tmp["out"]);

        foreach (var file in RunOutputWriter.FileNames)
        {
            var bytes = File.ReadAllBytes(Path.Combine(_tmp["out"], file));
            // JSON Lines: no message, no line (this scenario has no bus or tram).
            if (file == PriorityMessagesJsonlWriter.FileName && r.Records.PriorityMessages.Count == 0)
            {
                Assert.Empty(bytes);
                continue;
            }
            Assert.DoesNotContain((byte)'\r', bytes);
            Assert.False(bytes is [0xEF, 0xBB, 0xBF, ..], $"{file} starts with a byte-order mark");
            Assert.Equal((byte)'\n', bytes[^1]);
        }
        Assert.Equal(r.Records.Trips.Count + 1, File.ReadAllLines(_tmp["out/trips.csv"]).Length);
        Assert.Equal(r.Records.Queues.Count + 1, File.ReadAllLines(_tmp["out/approaches.csv"]).Length);
        Assert.Equal(string.Join(',', ApproachesCsvWriter.Columns), File.ReadLines(_tmp["out/approaches.csv"]).First());
    }

    [Fact]
    public void Signals_StartWithEveryGroupAtTimeZero_ThenOnlyChanges()
    {
        var r = Result.Value;
        RunOutputWriter.Write(r, Context, _tmp["out"]);
        var rows = File.ReadLines(_tmp["out/signals.csv"]).Skip(1).Select(l => l.Split(',')).ToList();

        var groups = r.Model.GroupCount;
        Assert.All(rows.Take(groups), row => Assert.Equal("0.000", row[0]));
        Assert.Equal(["main", "side"], rows.Take(groups).Select(row => row[3]));
        Assert.Equal(["green", "red"], rows.Take(groups).Select(row => row[4]));
        Assert.All(rows.Skip(groups), row => Assert.True(double.Parse(row[0], CultureInfo.InvariantCulture) > 0));
        Assert.All(rows, row => Assert.Contains(row[4], new[] { "green", "amber", "red" }));
        Assert.All(rows, row => Assert.Equal("paris", row[2]));

        // Each row after the first of its group is a real change of state.
        foreach (var group in rows.GroupBy(row => row[3]))
        {
            var states = group.Select(row => row[4]).ToList();
            for (var i = 1; i < states.Count; i++) Assert.NotEqual(states[i - 1], states[i]);
        }
        // Main road: green 0–45 s, amber 45–48 s in a 90 s cycle.
        Assert.Contains(rows, row => row is ["45.000", "X", "paris", "main", "amber"]);
        Assert.Contains(rows, row => row is ["48.000", "X", "paris", "main", "red"]);
    }

    [Fact]
    public void Summary_AgreesWithTheRecords()
    {
        var r = Result.Value;
        RunOutputWriter.Write(r, Context, _tmp["out"]);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(_tmp["out/summary.json"]));
        var root = doc.RootElement;

        Assert.Equal("isolated-intersection", root.GetProperty("scenario").GetString());
        Assert.Equal(900, root.GetProperty("duration_s").GetDouble());
        Assert.Equal(600, root.GetProperty("warmup_s").GetDouble());
        Assert.Equal(0.5, root.GetProperty("step_s").GetDouble());
        Assert.Equal("test", root.GetProperty("program_version").GetString());
        Assert.Equal(r.VehiclesEntered, root.GetProperty("vehicles").GetProperty("entered").GetInt32());

        var car = Assert.Single(root.GetProperty("modes").EnumerateArray());
        Assert.Equal("car", car.GetProperty("mode").GetString());
        Assert.Equal(r.Records.Trips.Count, car.GetProperty("trips").GetInt32());
        var tt = car.GetProperty("travel_time_s");
        Assert.Equal(r.Records.Trips.Average(t => t.TravelTimeS), tt.GetProperty("mean").GetDouble(), 3);
        Assert.True(tt.GetProperty("p50").GetDouble() <= tt.GetProperty("p90").GetDouble());
        Assert.True(tt.GetProperty("p90").GetDouble() <= tt.GetProperty("p95").GetDouble());
        Assert.Equal(r.Records.Trips.Average(t => t.DelayS), car.GetProperty("mean_delay_s").GetDouble(), 3);

        var approaches = root.GetProperty("approaches").EnumerateArray().ToList();
        Assert.Equal(["west-in", "south-in"], approaches.Select(a => a.GetProperty("link").GetString()));
        // Departures are every crossing of a measured vehicle, cool-down included; the queue samples
        // cover the measured period only, so they hold part of them.
        Assert.Equal(r.Records.Crossings.Count, approaches.Sum(a => a.GetProperty("departures").GetInt32()));
        Assert.InRange(r.Records.Queues.Sum(q => q.Departures), 1, r.Records.Crossings.Count);
        Assert.Equal(r.Records.Queues.Where(q => r.Model.LinkIds[q.ApproachLink] == "south-in").Max(q => q.QueuedVehicles),
            approaches[1].GetProperty("max_queued_veh").GetInt32());
        Assert.Equal(["a warning, with a comma"], root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public void WithoutLinesOrCrossings_PedestriansAndPriorityHaveJustTheirHeader_AndTheSummaryEmptySections()
    {
        RunOutputWriter.Write(Result.Value, Context, _tmp["out"]);

        Assert.Equal(string.Join(',', PedestriansCsvWriter.Columns) + "\n", File.ReadAllText(_tmp["out/pedestrians.csv"]));
        Assert.Equal(string.Join(',', PriorityCsvWriter.Columns) + "\n", File.ReadAllText(_tmp["out/priority.csv"]));
        using var doc = JsonDocument.Parse(File.ReadAllBytes(_tmp["out/summary.json"]));
        var root = doc.RootElement;
        Assert.Equal(0, root.GetProperty("pedestrians").GetProperty("crossed").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("pedestrians").GetProperty("wait_s").GetProperty("mean").ValueKind);
        Assert.Equal(0, root.GetProperty("pedestrians").GetProperty("crossings").GetArrayLength());
        Assert.Equal(0, root.GetProperty("lines").GetArrayLength());
        Assert.Equal(0, root.GetProperty("points_durs").GetProperty("lines").GetArrayLength());
        var x = Assert.Single(root.GetProperty("points_durs").GetProperty("intersections").EnumerateArray());
        Assert.Equal(0, x.GetProperty("bus").GetProperty("crossings").GetInt32());
        Assert.Equal(0, x.GetProperty("priority").GetProperty("requests").GetInt32());
    }

    [Fact]
    public void CancelledWrite_LeavesNothing()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => RunOutputWriter.Write(Result.Value, Context, _tmp["out"], cts.Token));
        Assert.Empty(_tmp.Entries());
    }
}
