// trajectories.csv: vehicle positions at each sample time of the recorded window, for
// time-space diagrams. Written only when the run recorded trajectories (run --trajectories).
using SignalSim.Core.Engine;

namespace SignalSim.Core.Output;

public static class TrajectoriesCsvWriter
{
    public const string FileName = "trajectories.csv";

    public static readonly string[] Columns = ["time_s", "vehicle_id", "mode", "link", "position_m", "speed_mps"];

    public static void Write(SimulationResult result, TextWriter writer, CancellationToken cancellation = default)
    {
        var m = result.Model;
        var csv = new CsvTable(writer);
        csv.Header(Columns);
        var samples = result.Records.Trajectories;
        for (var i = 0; i < samples.Count; i++)
        {
            if ((i & 0xFFF) == 0) cancellation.ThrowIfCancellationRequested();
            var s = samples[i];
            csv.Field(InvariantText.Seconds(s.Ticks));
            csv.Field(InvariantText.Integer(s.VehicleId));
            csv.Field(InvariantText.Word(m.Classes[s.ClassIndex].Mode));
            csv.Text(m.LinkIds[s.Link]);
            csv.Field(InvariantText.Fixed(s.PositionM, 2));
            csv.Field(InvariantText.Fixed(s.SpeedMps, 2));
            csv.EndRow();
        }
    }
}
