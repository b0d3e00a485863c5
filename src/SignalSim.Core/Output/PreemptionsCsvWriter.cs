// preemptions.csv: every tram preemption of the run, in the order it began — the tram that began
// it, its request and estimated arrival, the soonest the tram group could turn green safely from
// the states at the request (entry_s) and whether that was in time (no later than the arrival);
// when the tram group turned green, when the dwell ended, when the plan resumed and when the
// recovery had the intersection back on its offset (empty: not by the end of the run), with the
// cycles the recovery took. Times in seconds of simulation.
using SignalSim.Core.Engine;

namespace SignalSim.Core.Output;

public static class PreemptionsCsvWriter
{
    public const string FileName = "preemptions.csv";

    public static readonly string[] Columns =
        ["intersection", "centre", "vehicle_id", "line", "request_s", "eta_s", "entry_s", "in_time", "tram_green_s", "exit_s", "max_dwell_reached", "resumed_s", "recovered_s", "recovery_cycles"];

    public static void Write(SimulationResult result, TextWriter writer, CancellationToken cancellation = default)
    {
        var m = result.Model;
        var csv = new CsvTable(writer);
        csv.Header(Columns);
        foreach (var p in result.Records.Preemptions)
        {
            cancellation.ThrowIfCancellationRequested();
            csv.Text(ModelNames.Intersection(m, p.Intersection));
            csv.Text(ModelNames.Centre(m, p.Intersection));
            csv.Field(InvariantText.Integer(p.VehicleId));
            csv.Text(ModelNames.Line(m, p.Line));
            csv.Field(InvariantText.Seconds(p.RequestTicks));
            csv.Field(InvariantText.Fixed(SimTime.ToSeconds(p.EtaTicks - p.RequestTicks), 3));
            csv.Field(InvariantText.Seconds(p.EntryTicks));
            csv.Field(p.InTime ? "true" : "false");
            csv.Field(Optional(p.TramGreenTicks));
            csv.Field(Optional(p.ExitTicks));
            csv.Field(p.MaxDwellReached ? "true" : "false");
            csv.Field(Optional(p.ResumedTicks));
            csv.Field(Optional(p.RecoveredTicks));
            csv.Field(InvariantText.Integer(p.RecoveryCycles));
            csv.EndRow();
        }
    }

    private static string Optional(long ticks) => ticks >= 0 ? InvariantText.Seconds(ticks) : "";
}
