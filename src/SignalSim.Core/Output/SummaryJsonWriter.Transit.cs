// summary.json, continued: pedestrians, public-transport lines, the "points durs" diagnostic and
// the fate of the priority requests (priority_messages).
// Times are rounded to the millisecond, shares and coefficients of variation to 1e-4.
using System.Text.Json;

namespace SignalSim.Core.Output;

public static partial class SummaryJsonWriter
{
    private static void WritePedestrians(Utf8JsonWriter w, PedestrianSummary p)
    {
        w.WriteStartObject("pedestrians");
        Waits(w, p.All);
        w.WriteStartArray("crossings");
        foreach (var c in p.Crossings)
        {
            w.WriteStartObject();
            w.WriteString("intersection", c.Intersection);
            w.WriteString("centre", c.Centre);
            w.WriteString("crossing", c.Crossing);
            Waits(w, c.Waits);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Waits(Utf8JsonWriter w, WaitSummary s)
    {
        w.WriteNumber("crossed", s.Crossed);
        w.WriteNumber("unfinished", s.Unfinished);
        w.WriteStartObject("wait_s");
        Number(w, "mean", s.MeanWaitS, 3);
        Number(w, "p95", s.P95WaitS, 3);
        w.WriteEndObject();
        Number(w, "share_waiting_over_60_s", s.ShareWaitingOver60S, 4);
    }

    private static void WriteLines(Utf8JsonWriter w, IReadOnlyList<LineSummary> lines)
    {
        w.WriteStartArray("lines");
        foreach (var l in lines)
        {
            w.WriteStartObject();
            w.WriteString("line", l.Line);
            w.WriteString("mode", l.Mode);
            w.WriteString("vehicle_class", l.VehicleClass);
            w.WriteString("entry_link", l.EntryLink);
            w.WriteString("exit_link", l.ExitLink);
            w.WriteNumber("trips", l.Trips);
            w.WriteNumber("unfinished", l.Unfinished);
            w.WriteStartObject("travel_time_s");
            Number(w, "mean", l.MeanTravelTimeS, 3);
            Number(w, "p50", l.P50TravelTimeS, 3);
            Number(w, "p90", l.P90TravelTimeS, 3);
            w.WriteEndObject();
            Number(w, "mean_delay_s", l.MeanDelayS, 3);
            Number(w, "mean_dwell_s", l.MeanDwellS, 3);
            Text(w, "lateness_stop", l.LatenessStop);
            w.WriteStartObject("lateness_s");
            Number(w, "mean", l.MeanLatenessS, 3);
            Number(w, "p90", l.P90LatenessS, 3);
            w.WriteEndObject();
            Text(w, "regularity_stop", l.RegularityStop);
            w.WriteNumber("headways", l.Headways);
            Number(w, "mean_headway_s", l.MeanHeadwayS, 3);
            Number(w, "headway_cv", l.HeadwayCv, 4);
            Number(w, "person_delay_h", l.PersonDelayH, 3);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WritePointsDurs(Utf8JsonWriter w, PointsDurs p)
    {
        w.WriteStartObject("points_durs");
        w.WriteStartArray("lines");
        foreach (var l in p.Lines)
        {
            w.WriteStartObject();
            w.WriteString("line", l.Line);
            w.WriteString("mode", l.Mode);
            Number(w, "signal_delay_per_trip_s", l.SignalDelayPerTripS, 3);
            w.WriteStartArray("approaches");
            foreach (var a in l.Approaches)
            {
                w.WriteStartObject();
                w.WriteString("intersection", a.Intersection);
                w.WriteString("centre", a.Centre);
                w.WriteString("link", a.Link);
                Delay(w, a.Delay);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("intersections");
        foreach (var x in p.Intersections)
        {
            w.WriteStartObject();
            w.WriteString("intersection", x.Intersection);
            w.WriteString("centre", x.Centre);
            w.WriteStartObject("bus");
            Delay(w, x.Bus);
            w.WriteEndObject();
            w.WriteStartObject("tram");
            Delay(w, x.Tram);
            w.WriteEndObject();
            Priority(w, x.Priority);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The fate of the priority requests: per centre, then per line and centre.</summary>
    private static void WritePriorityMessages(Utf8JsonWriter w, PriorityMessageSummary p)
    {
        w.WriteStartObject("priority_messages");
        w.WriteStartArray("centres");
        foreach (var c in p.Centres) MessageCounts(w, c);
        w.WriteEndArray();
        w.WriteStartArray("lines");
        foreach (var c in p.Lines) MessageCounts(w, c);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void MessageCounts(Utf8JsonWriter w, PriorityMessageCounts c)
    {
        w.WriteStartObject();
        if (c.Line is not null) w.WriteString("line", c.Line);
        w.WriteString("centre", c.Centre);
        w.WriteNumber("requests", c.Requests);
        w.WriteNumber("relayed", c.Relayed);
        w.WriteNumber("lost_on_link", c.LostOnLink);
        w.WriteNumber("granted", c.Granted);
        w.WriteNumber("served_in_time", c.ServedInTime);
        w.WriteNumber("wasted", c.Wasted);
        w.WriteNumber("open_at_end", c.OpenAtEnd);
        w.WriteNumber("rejected", c.Rejected);
        w.WriteEndObject();
    }

    private static void Delay(Utf8JsonWriter w, SignalDelay d)
    {
        w.WriteNumber("crossings", d.Crossings);
        Number(w, "mean_signal_delay_s", d.MeanS, 3);
    }

    private static void Priority(Utf8JsonWriter w, PriorityCounts c)
    {
        w.WriteStartObject("priority");
        w.WriteNumber("requests", c.Requests);
        w.WriteNumber("forwarded_requests", c.ForwardedRequests);
        w.WriteNumber("extensions", c.Extensions);
        w.WriteNumber("early_greens", c.EarlyGreens);
        w.WriteNumber("phase_insertions", c.PhaseInsertions);
        w.WriteNumber("checked_out", c.CheckedOut);
        w.WriteNumber("expired", c.Expired);
        w.WriteNumber("cancelled_extensions", c.Cancellations);
        w.WriteNumber("refused", c.Refused);
        w.WriteStartObject("refusals");
        foreach (var r in c.Refusals) w.WriteNumber(r.Reason, r.Count);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }
}
