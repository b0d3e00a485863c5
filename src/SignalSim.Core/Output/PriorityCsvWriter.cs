// priority.csv: every priority event from the end of the warm-up on, in the order it happened —
// requests (source: the intersection's own detector, or forwarded by the previous centre), the
// extensions and early greens granted, extensions cancelled because the vehicle's refreshed
// estimate showed it could not use them, check-outs, expiries and refusals with their reason.
// reason is empty unless the action is a refusal or a cancellation; granted_s (extension plus
// early green) is given when a request closes (checked-out or expired), and for a cancellation
// the extension held before it was released; empty otherwise. eta_s is the estimate at the event.
using SignalSim.Core.Engine;
using SignalSim.Core.Metrics;

namespace SignalSim.Core.Output;

public static class PriorityCsvWriter
{
    public const string FileName = "priority.csv";

    public static readonly string[] Columns =
        ["time_s", "vehicle_id", "mode", "line", "intersection", "centre", "source", "action", "reason", "eta_s", "lateness_s", "granted_s"];

    public static void Write(SimulationResult result, TextWriter writer, CancellationToken cancellation = default)
    {
        var m = result.Model;
        var csv = new CsvTable(writer);
        csv.Header(Columns);
        var i = 0;
        foreach (var e in MeasuredRecords.Priority(result))
        {
            if ((i++ & 0xFFF) == 0) cancellation.ThrowIfCancellationRequested();
            csv.Field(InvariantText.Seconds(e.Ticks));
            csv.Field(InvariantText.Integer(e.VehicleId));
            csv.Field(InvariantText.Word(e.Mode));
            csv.Text(ModelNames.Line(m, e.Line));
            csv.Text(ModelNames.Intersection(m, e.Intersection));
            csv.Text(ModelNames.Centre(m, e.Intersection));
            csv.Field(e.Forwarded ? "forwarded" : "detector");
            csv.Field(InvariantText.Kebab(e.Action));
            csv.Field(e.Reason == PriorityReason.None ? "" : InvariantText.Kebab(e.Reason));
            csv.Field(InvariantText.Fixed(e.EtaS, 3));
            csv.Field(InvariantText.Fixed(e.LatenessS, 3));
            csv.Field(e.Action is PriorityAction.CheckedOut or PriorityAction.Expired or PriorityAction.Cancelled ? InvariantText.Fixed(e.GrantedS, 3) : "");
            csv.EndRow();
        }
    }
}
