// summary.json: the run summary as indented JSON with LF line endings and numbers rounded to a
// fixed number of decimals (times to the millisecond, lengths to the centimetre), so that the
// same run writes the same bytes. Objects always carry the same keys, null where a figure has
// no data, so that summaries of different runs line up. Sections beyond cars are in
// SummaryJsonWriter.Transit.cs.
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SignalSim.Core.Output;

public static partial class SummaryJsonWriter
{
    public const string FileName = "summary.json";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        // Ids and names are written as they are (e.g. "PC Lutèce"); the file is data, not HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(RunSummary s, Stream stream)
    {
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("scenario", s.Scenario);
            w.WriteString("source", s.Source);
            w.WriteString("program_version", s.ProgramVersion);
            w.WriteNumber("seed", s.Seed);
            Number(w, "duration_s", s.DurationS, 3);
            Number(w, "step_s", s.StepS, 3);
            Number(w, "warmup_s", s.WarmupS, 3);
            Number(w, "cooldown_s", s.CooldownS, 3);
            Number(w, "queue_sample_s", s.QueueSampleS, 3);

            w.WriteStartObject("vehicles");
            w.WriteNumber("entered", s.Vehicles.Entered);
            w.WriteNumber("measured_arrivals", s.Vehicles.MeasuredArrivals);
            w.WriteNumber("completed_trips", s.Vehicles.CompletedTrips);
            w.WriteNumber("unfinished", s.Vehicles.Unfinished);
            w.WriteNumber("in_network_at_end", s.Vehicles.InNetworkAtEnd);
            w.WriteNumber("waiting_at_entries_at_end", s.Vehicles.WaitingAtEntriesAtEnd);
            w.WriteEndObject();
            WriteSystem(w, "system", s.System);

            w.WriteStartArray("modes");
            foreach (var mode in s.Modes)
            {
                w.WriteStartObject();
                w.WriteString("mode", mode.Mode);
                w.WriteNumber("trips", mode.Trips);
                w.WriteNumber("unfinished", mode.Unfinished);
                w.WriteStartObject("travel_time_s");
                Number(w, "mean", mode.MeanTravelTimeS, 3);
                Number(w, "p50", mode.P50TravelTimeS, 3);
                Number(w, "p90", mode.P90TravelTimeS, 3);
                Number(w, "p95", mode.P95TravelTimeS, 3);
                w.WriteEndObject();
                Number(w, "mean_delay_s", mode.MeanDelayS, 3);
                Number(w, "mean_stops", mode.MeanStops, 3);
                Number(w, "person_delay_h", mode.PersonDelayH, 3);
                WriteSystem(w, "system", mode.System);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            WritePedestrians(w, s.Pedestrians);
            WriteLines(w, s.Lines);
            WritePointsDurs(w, s.PointsDurs);
            WritePriorityMessages(w, s.PriorityMessages);
            WriteDriving(w, s.Driving);

            w.WriteStartArray("approaches");
            foreach (var a in s.Approaches)
            {
                w.WriteStartObject();
                w.WriteString("intersection", a.Intersection);
                w.WriteString("centre", a.Centre);
                w.WriteString("link", a.Link);
                w.WriteNumber("departures", a.Departures);
                Number(w, "mean_delay_s", a.MeanDelayS, 3);
                w.WriteNumber("max_queued_veh", a.MaxQueuedVehicles);
                Number(w, "max_queue_length_m", a.MaxQueueLengthM, 2);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("signal_waits");
            foreach (var sw in s.SignalWaits)
            {
                w.WriteStartObject();
                w.WriteString("intersection", sw.Intersection);
                w.WriteString("centre", sw.Centre);
                w.WriteString("group", sw.Group);
                w.WriteString("kind", sw.Kind);
                w.WriteNumber("greens", sw.Greens);
                Number(w, "longest_wait_s", sw.LongestWaitS, 3);
                w.WriteNumber("waits_over_120_s", sw.WaitsOver120S);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("warnings");
            foreach (var warning in s.Warnings) w.WriteStringValue(warning);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }

    /// <summary>Time in the system over the measured period: every vehicle present, in the network or waiting to enter.</summary>
    private static void WriteSystem(Utf8JsonWriter w, string name, SystemTime t)
    {
        w.WriteStartObject(name);
        Number(w, "vehicle_h", t.VehicleH, 3);
        Number(w, "in_network_vehicle_h", t.InNetworkVehicleH, 3);
        Number(w, "waiting_to_enter_vehicle_h", t.WaitingToEnterVehicleH, 3);
        Number(w, "person_h", t.PersonH, 3);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value, int decimals)
    {
        if (value is { } v && double.IsFinite(v)) w.WriteNumber(name, InvariantText.Round(v, decimals));
        else w.WriteNull(name);
    }
}
