// The metrics of one run as fields of a JSON object, every double in its shortest round-trip
// form, so that what a process reads back is bit for bit what another computed: the merge of
// `compare` shards (runs.json) and the batch exchange of a sharded `optimize` rebuild exactly
// the figures an unsharded run computes from memory.
using System.Text.Json;
using SignalSim.Analysis.Metrics;
using SignalSim.Core.Output;

namespace SignalSim.Analysis.Sharding;

internal static class RunMetricsJson
{
    /// <summary>Writes the run's fields into the JSON object being written.</summary>
    public static void WriteFields(Utf8JsonWriter json, RunMetrics metrics)
    {
        JsonFields.WriteDouble(json, "vehicle_delay_h", metrics.VehicleDelayH);
        json.WriteStartArray("modes");
        foreach (var (mode, m) in metrics.Modes)
        {
            json.WriteStartObject();
            json.WriteString("mode", mode.Word());
            json.WriteNumber("trips", m.Trips);
            JsonFields.WriteDouble(json, "mean_travel_time_s", m.MeanTravelTimeS);
            JsonFields.WriteDouble(json, "median_travel_time_s", m.MedianTravelTimeS);
            JsonFields.WriteDouble(json, "p90_travel_time_s", m.P90TravelTimeS);
            JsonFields.WriteDouble(json, "p95_travel_time_s", m.P95TravelTimeS);
            JsonFields.WriteDouble(json, "mean_delay_s", m.MeanDelayS);
            JsonFields.WriteDouble(json, "p90_delay_s", m.P90DelayS);
            JsonFields.WriteDouble(json, "stops_per_trip", m.StopsPerTrip);
            JsonFields.WriteDouble(json, "person_delay_h", m.PersonDelayH);
            JsonFields.WriteDouble(json, "headway_cv", m.HeadwayCv);
            json.WriteNumber("unfinished", m.Unfinished);
            JsonFields.WriteDouble(json, "system_vehicle_h", m.SystemVehicleH);
            JsonFields.WriteDouble(json, "system_person_h", m.SystemPersonH);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("lines");
        foreach (var (id, l) in metrics.Lines)
        {
            json.WriteStartObject();
            json.WriteString("line", id);
            json.WriteString("mode", l.Mode);
            json.WriteNumber("trips", l.Trips);
            JsonFields.WriteDouble(json, "mean_travel_time_s", l.MeanTravelTimeS);
            JsonFields.WriteDouble(json, "headway_cv", l.HeadwayCv);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (metrics.PriorityCentres is { } centres) WritePriorityCentres(json, centres);
    }

    /// <summary>Reads the run's fields from <paramref name="e"/>; <paramref name="where"/> names the file in messages.</summary>
    /// <exception cref="ShardFileException">A field is missing or of the wrong kind.</exception>
    public static RunMetrics Read(JsonElement e, string where)
    {
        var modes = new SortedDictionary<ReportMode, ModeMetrics>();
        foreach (var m in JsonFields.Array(e, "modes", where))
        {
            var word = JsonFields.String(m, "mode", where);
            if (!Enum.TryParse<ReportMode>(word, ignoreCase: true, out var mode) || mode.Word() != word)
                throw new ShardFileException($"{where}: unknown mode '{word}'; the shard is damaged or from another SignalSim version");
            modes[mode] = new ModeMetrics(
                JsonFields.Int(m, "trips", where),
                JsonFields.NullableDouble(m, "mean_travel_time_s", where),
                JsonFields.NullableDouble(m, "median_travel_time_s", where),
                JsonFields.NullableDouble(m, "p90_travel_time_s", where),
                JsonFields.NullableDouble(m, "p95_travel_time_s", where),
                JsonFields.NullableDouble(m, "mean_delay_s", where),
                JsonFields.NullableDouble(m, "p90_delay_s", where),
                JsonFields.NullableDouble(m, "stops_per_trip", where),
                JsonFields.Double(m, "person_delay_h", where),
                JsonFields.NullableDouble(m, "headway_cv", where),
                JsonFields.Int(m, "unfinished", where),
                JsonFields.NullableDouble(m, "system_vehicle_h", where),
                JsonFields.NullableDouble(m, "system_person_h", where));
        }
        // Lines in the order they were written: the model's, as the run's own dictionary.
        var lines = new Dictionary<string, LineMetrics>(StringComparer.Ordinal);
        foreach (var l in JsonFields.Array(e, "lines", where))
        {
            lines[JsonFields.String(l, "line", where)] = new LineMetrics(JsonFields.String(l, "mode", where), JsonFields.Int(l, "trips", where),
                JsonFields.NullableDouble(l, "mean_travel_time_s", where), JsonFields.NullableDouble(l, "headway_cv", where));
        }
        return new RunMetrics(modes)
        {
            VehicleDelayH = JsonFields.Double(e, "vehicle_delay_h", where),
            Lines = lines,
            PriorityCentres = e.TryGetProperty(PriorityCentresField, out _) ? ReadPriorityCentres(e, where) : null,
        };
    }

    private const string PriorityCentresField = "priority_centres";

    private static void WritePriorityCentres(Utf8JsonWriter json, IReadOnlyList<PriorityMessageCounts> centres)
    {
        json.WriteStartArray(PriorityCentresField);
        foreach (var c in centres)
        {
            json.WriteStartObject();
            json.WriteString("centre", c.Centre);
            json.WriteNumber("requests", c.Requests);
            json.WriteNumber("relayed", c.Relayed);
            json.WriteNumber("lost_on_link", c.LostOnLink);
            json.WriteNumber("granted", c.Granted);
            json.WriteNumber("served_in_time", c.ServedInTime);
            json.WriteNumber("wasted", c.Wasted);
            json.WriteNumber("open_at_end", c.OpenAtEnd);
            json.WriteNumber("rejected", c.Rejected);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>The per-centre totals (Line null), in the order written: the scenario's centres.</summary>
    private static List<PriorityMessageCounts> ReadPriorityCentres(JsonElement run, string where)
    {
        var centres = new List<PriorityMessageCounts>();
        foreach (var c in JsonFields.Array(run, PriorityCentresField, where))
        {
            centres.Add(new PriorityMessageCounts(JsonFields.String(c, "centre", where), null,
                JsonFields.Int(c, "requests", where), JsonFields.Int(c, "relayed", where), JsonFields.Int(c, "lost_on_link", where),
                JsonFields.Int(c, "granted", where), JsonFields.Int(c, "served_in_time", where), JsonFields.Int(c, "wasted", where),
                JsonFields.Int(c, "open_at_end", where), JsonFields.Int(c, "rejected", where)));
        }
        return centres;
    }
}
