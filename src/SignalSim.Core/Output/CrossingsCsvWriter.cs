// crossings.csv: every stop-line crossing of an approach after the warm-up, the detector record
// behind arrival-on-green (Purdue) diagrams and the "points durs" of buses: free-flow arrival
// at the stop line = time_s − delay_s; delay_s includes dwell_s spent at stops on the approach,
// and red_delay_s is the part of delay_s − dwell_s lost while the vehicle's signal was red or
// amber (the rest was lost at green: the queue moving off, the traffic ahead).
using SignalSim.Core.Engine;

namespace SignalSim.Core.Output;

public static class CrossingsCsvWriter
{
    public const string FileName = "crossings.csv";

    public static readonly string[] Columns = ["time_s", "intersection", "centre", "approach", "vehicle_id", "mode", "route", "delay_s", "dwell_s", "red_delay_s"];

    public static void Write(SimulationResult result, TextWriter writer, CancellationToken cancellation = default)
    {
        var m = result.Model;
        var csv = new CsvTable(writer);
        csv.Header(Columns);
        var crossings = result.Records.Crossings;
        for (var i = 0; i < crossings.Count; i++)
        {
            if ((i & 0xFFF) == 0) cancellation.ThrowIfCancellationRequested();
            var c = crossings[i];
            var intersection = m.LinkToIntersection[c.ApproachLink];
            csv.Field(InvariantText.Fixed(c.TimeS, 3));
            csv.Text(ModelNames.Intersection(m, intersection));
            csv.Text(ModelNames.Centre(m, intersection));
            csv.Text(m.LinkIds[c.ApproachLink]);
            csv.Field(InvariantText.Integer(c.VehicleId));
            csv.Field(InvariantText.Word(m.Classes[c.ClassIndex].Mode));
            csv.Text(ModelNames.Route(m, c.Route));
            csv.Field(InvariantText.Fixed(c.DelayS, 3));
            csv.Field(InvariantText.Fixed(c.DwellS, 3));
            csv.Field(InvariantText.Fixed(c.RedDelayS, 3));
            csv.EndRow();
        }
    }
}
