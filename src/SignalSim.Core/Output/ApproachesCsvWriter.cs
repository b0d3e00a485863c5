// approaches.csv: the queue samples of every approach over the measured period. mean_delay_s is
// the stop-line delay of the vehicles that crossed since the previous sample, empty when none did
// (a zero would bias any average taken over the column).
using SignalSim.Core.Engine;

namespace SignalSim.Core.Output;

public static class ApproachesCsvWriter
{
    public const string FileName = "approaches.csv";

    public static readonly string[] Columns =
        ["time_s", "intersection", "centre", "approach", "queued_veh", "queue_length_m", "departures", "mean_delay_s"];

    public static void Write(SimulationResult result, TextWriter writer, CancellationToken cancellation = default)
    {
        var m = result.Model;
        var csv = new CsvTable(writer);
        csv.Header(Columns);
        var samples = result.Records.Queues;
        for (var i = 0; i < samples.Count; i++)
        {
            if ((i & 0xFFF) == 0) cancellation.ThrowIfCancellationRequested();
            var s = samples[i];
            var intersection = m.LinkToIntersection[s.ApproachLink];
            csv.Field(InvariantText.Seconds(s.Ticks));
            csv.Text(ModelNames.Intersection(m, intersection));
            csv.Text(ModelNames.Centre(m, intersection));
            csv.Text(m.LinkIds[s.ApproachLink]);
            csv.Field(InvariantText.Integer(s.QueuedVehicles));
            csv.Field(InvariantText.Fixed(s.QueueLengthM, 2));
            csv.Field(InvariantText.Integer(s.Departures));
            csv.Field(s.Departures > 0 ? InvariantText.Fixed(s.DelaySumS / s.Departures, 3) : "");
            csv.EndRow();
        }
    }
}
