// transitions.csv: every plan change of the run, in the order it completed, with its method and
// cost: start and end (the old plan's cycle time 0, the new plan back on its own offset), the new
// plan's cycles begun meanwhile and, for a short-way, the cycles its limits allow; the time held
// (dwell, or the short-way's lengthening) and the green time cut (the short-way's shortening).
using SignalSim.Core.Engine;

namespace SignalSim.Core.Output;

public static class TransitionsCsvWriter
{
    public const string FileName = "transitions.csv";

    public static readonly string[] Columns =
        ["intersection", "centre", "from_plan", "to_plan", "method", "start_s", "end_s", "duration_s", "cycles", "planned_cycles", "lengthened_s", "shortened_s"];

    public static void Write(SimulationResult result, TextWriter writer, CancellationToken cancellation = default)
    {
        var m = result.Model;
        var csv = new CsvTable(writer);
        csv.Header(Columns);
        foreach (var t in result.Records.Transitions)
        {
            cancellation.ThrowIfCancellationRequested();
            var centre = m.Centres[m.IntersectionCentre[t.Intersection]];
            csv.Text(ModelNames.Intersection(m, t.Intersection));
            csv.Text(centre.Id);
            csv.Text(centre.PlanNames[t.FromPlan]);
            csv.Text(centre.PlanNames[t.ToPlan]);
            csv.Field(InvariantText.Kebab(t.Method));
            csv.Field(InvariantText.Seconds(t.StartTicks));
            csv.Field(InvariantText.Seconds(t.EndTicks));
            csv.Field(InvariantText.Seconds(t.EndTicks - t.StartTicks));
            csv.Field(InvariantText.Integer(t.Cycles));
            csv.Field(InvariantText.Integer(t.PlannedCycles));
            csv.Field(InvariantText.Seconds(t.LengthenedTicks));
            csv.Field(InvariantText.Seconds(t.ShortenedTicks));
            csv.EndRow();
        }
    }
}
