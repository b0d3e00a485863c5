// trips.csv: one row per measured vehicle (arrived at its entry in the measured period):
// finished trips in completion order, then the unfinished ones (finished = no), still in the
// network or waiting at an entry at the end of the run, with arrive_s the end of the run and
// the time and delay accumulated so far.
using SignalSim.Core.Engine;

namespace SignalSim.Core.Output;

public static class TripsCsvWriter
{
    public const string FileName = "trips.csv";

    public static readonly string[] Columns =
        ["trip_id", "mode", "vehicle_class", "demand", "route", "entry_link", "exit_link", "depart_s", "arrive_s", "travel_time_s", "delay_s", "stops", "finished"];

    public static void Write(SimulationResult result, TextWriter writer, CancellationToken cancellation = default)
    {
        var csv = new CsvTable(writer);
        csv.Header(Columns);
        Rows(result, csv, result.Records.Trips, cancellation);
        Rows(result, csv, result.Records.UnfinishedTrips, cancellation);
    }

    private static void Rows(SimulationResult result, CsvTable csv, IReadOnlyList<Metrics.TripRecord> trips, CancellationToken cancellation)
    {
        var m = result.Model;
        for (var i = 0; i < trips.Count; i++)
        {
            if ((i & 0xFFF) == 0) cancellation.ThrowIfCancellationRequested();
            var t = trips[i];
            var cls = m.Classes[t.ClassIndex];
            csv.Field(InvariantText.Integer(t.VehicleId));
            csv.Field(InvariantText.Word(cls.Mode));
            csv.Text(cls.Id);
            csv.Text(ModelNames.Demand(m, t.Route));
            csv.Text(ModelNames.Route(m, t.Route));
            csv.Text(ModelNames.EntryLink(m, t.Route));
            csv.Text(ModelNames.ExitLink(m, t.Route));
            csv.Field(InvariantText.Seconds(t.DepartTicks));
            csv.Field(InvariantText.Seconds(t.ArriveTicks));
            csv.Field(InvariantText.Seconds(t.ArriveTicks - t.DepartTicks));
            csv.Field(InvariantText.Fixed(t.DelayS, 3));
            csv.Field(InvariantText.Integer(t.Stops));
            csv.Field(t.Finished ? "yes" : "no");
            csv.EndRow();
        }
    }
}
