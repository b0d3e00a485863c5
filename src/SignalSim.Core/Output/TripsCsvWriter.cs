// trips.csv: one row per completed trip that departed after the warm-up, in completion order.
using SignalSim.Core.Engine;

namespace SignalSim.Core.Output;

public static class TripsCsvWriter
{
    public const string FileName = "trips.csv";

    public static readonly string[] Columns =
        ["trip_id", "mode", "vehicle_class", "demand", "route", "entry_link", "exit_link", "depart_s", "arrive_s", "travel_time_s", "delay_s", "stops"];

    public static void Write(SimulationResult result, TextWriter writer, CancellationToken cancellation = default)
    {
        var m = result.Model;
        var csv = new CsvTable(writer);
        csv.Header(Columns);
        var trips = result.Records.Trips;
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
            csv.EndRow();
        }
    }
}
