// signals.csv: the state of every signal group at time 0, then every change in time order, so
// that the state of any group at any time can be read back from the file alone.
using SignalSim.Core.Engine;
using SignalSim.Core.Signals;

namespace SignalSim.Core.Output;

public static class SignalsCsvWriter
{
    public const string FileName = "signals.csv";

    public static readonly string[] Columns = ["time_s", "intersection", "centre", "group", "state"];

    public static void Write(SimulationResult result, TextWriter writer, CancellationToken cancellation = default)
    {
        var csv = new CsvTable(writer);
        csv.Header(Columns);
        var initial = result.Records.InitialSignals;
        for (var g = 0; g < initial.Count; g++) Row(csv, result, 0, g, initial[g]);
        var changes = result.Records.SignalChanges;
        for (var i = 0; i < changes.Count; i++)
        {
            if ((i & 0xFFF) == 0) cancellation.ThrowIfCancellationRequested();
            var c = changes[i];
            Row(csv, result, c.Ticks, c.Group, c.State);
        }
    }

    private static void Row(CsvTable csv, SimulationResult result, long ticks, int group, SignalState state)
    {
        var m = result.Model;
        var intersection = m.GroupIntersection[group];
        csv.Field(InvariantText.Seconds(ticks));
        csv.Text(ModelNames.Intersection(m, intersection));
        csv.Text(ModelNames.Centre(m, intersection));
        csv.Text(ModelNames.Group(m, group));
        csv.Field(InvariantText.Word(state));
        csv.EndRow();
    }
}
