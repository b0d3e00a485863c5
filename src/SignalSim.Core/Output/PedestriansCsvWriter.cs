// pedestrians.csv: one row per pedestrian who arrived after the warm-up and started to cross,
// in the order they started. direction is the crossing's forward or backward way.
using SignalSim.Core.Engine;

namespace SignalSim.Core.Output;

public static class PedestriansCsvWriter
{
    public const string FileName = "pedestrians.csv";

    public static readonly string[] Columns = ["crossing", "intersection", "centre", "direction", "arrival_s", "start_s", "wait_s"];

    public static void Write(SimulationResult result, TextWriter writer, CancellationToken cancellation = default)
    {
        var m = result.Model;
        var csv = new CsvTable(writer);
        csv.Header(Columns);
        var pedestrians = result.Records.Pedestrians;
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
            csv.EndRow();
        }
    }
}
