// pedestrians.csv: one row per measured pedestrian (arrived in the measured period): those who
// started to cross, in the order they started, then those still waiting at the end of the run
// (finished = no, start_s the end of the run, wait_s the wait so far). direction is the
// crossing's forward or backward way.
using SignalSim.Core.Engine;

namespace SignalSim.Core.Output;

public static class PedestriansCsvWriter
{
    public const string FileName = "pedestrians.csv";

    public static readonly string[] Columns = ["crossing", "intersection", "centre", "direction", "arrival_s", "start_s", "wait_s", "finished"];

    public static void Write(SimulationResult result, TextWriter writer, CancellationToken cancellation = default)
    {
        var csv = new CsvTable(writer);
        csv.Header(Columns);
        Rows(result, csv, result.Records.Pedestrians, cancellation);
        Rows(result, csv, result.Records.UnfinishedPedestrians, cancellation);
    }

    private static void Rows(SimulationResult result, CsvTable csv, IReadOnlyList<Metrics.PedestrianRecord> pedestrians, CancellationToken cancellation)
    {
        var m = result.Model;
        for (var i = 0; i < pedestrians.Count; i++)
        {
            if ((i & 0xFFF) == 0) cancellation.ThrowIfCancellationRequested();
            var p = pedestrians[i];
            var crossing = m.Crossings[p.Crossing];
            csv.Text(crossing.Id);
            csv.Text(ModelNames.Intersection(m, crossing.Intersection));
            csv.Text(ModelNames.Centre(m, crossing.Intersection));
            csv.Field(p.Backward ? "backward" : "forward");
            csv.Field(InvariantText.Seconds(p.ArrivalTicks));
            csv.Field(InvariantText.Seconds(p.StartTicks));
            csv.Field(InvariantText.Seconds(p.StartTicks - p.ArrivalTicks));
            csv.Field(p.Finished ? "yes" : "no");
            csv.EndRow();
        }
    }
}
