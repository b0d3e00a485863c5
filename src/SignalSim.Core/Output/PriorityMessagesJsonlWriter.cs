// priority_messages.jsonl: every priority message of the measured vehicles, one JSON object per
// line, in the order sent. "message" is "srem" for a request message (type request, update or
// cancel) and "ssem" for a controller's status reply; fields that do not apply to the kind are
// left out. Times are simulation seconds (three decimals), like the CSV files. The lines are
// written through the source-generated PriorityMessagesJsonContext (no reflection), which also
// reads them back.
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SignalSim.Core.Engine;
using SignalSim.Core.Metrics;

namespace SignalSim.Core.Output;

/// <summary>One line of priority_messages.jsonl.</summary>
/// <param name="Message">"srem" (request, update, cancel) or "ssem" (status).</param>
/// <param name="Channel">"vehicle": the vehicle's own message to the roadside unit, or the unit's reply; "link": relayed by the previous centre over the link between the centres.</param>
/// <param name="Approach">The inbound approach: the link whose stop line the vehicle will cross.</param>
/// <param name="ArrivalS">SREM: estimated arrival at the stop line, simulation seconds.</param>
/// <param name="DurationS">SREM: the service time asked for (the time the vehicle needs to clear the line).</param>
/// <param name="LatenessS">SREM: schedule adherence, seconds behind schedule (negative: early).</param>
/// <param name="DeliveredS">SREM: when it reached the controller; null when lost on the link.</param>
/// <param name="Status">SSEM: unknown, requested, processing, granted or rejected.</param>
/// <param name="Reason">SSEM, when rejected or processing: the reason, in the words of priority.csv.</param>
/// <param name="Final">SSEM: the request closed (check-out) or lapsed with this reply.</param>
public sealed record PriorityMessageLine(
    double TimeS,
    string Message,
    string Type,
    int RequestId,
    int Sequence,
    int VehicleId,
    string Role,
    string? Line,
    string Intersection,
    string Centre,
    string Approach,
    string SignalGroup,
    string Channel,
    double? ArrivalS = null,
    double? DurationS = null,
    double? LatenessS = null,
    bool? Lost = null,
    double? DeliveredS = null,
    string? Status = null,
    string? Reason = null,
    bool? Final = null);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(PriorityMessageLine))]
internal sealed partial class PriorityMessagesJsonContext : JsonSerializerContext;

public static class PriorityMessagesJsonlWriter
{
    public const string FileName = "priority_messages.jsonl";

    private static readonly JsonWriterOptions Options = new()
    {
        // Ids and names as they are (e.g. "PC Lutèce"); the file is data, not HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(SimulationResult result, Stream stream, CancellationToken cancellation = default)
    {
        var m = result.Model;
        using var json = new Utf8JsonWriter(stream, Options);
        var i = 0;
        foreach (var msg in MeasuredRecords.PriorityMessages(result))
        {
            if ((i++ & 0xFFF) == 0) cancellation.ThrowIfCancellationRequested();
            JsonSerializer.Serialize(json, Line(m, msg), PriorityMessagesJsonContext.Default.PriorityMessageLine);
            json.Flush();
            json.Reset();
            stream.WriteByte((byte)'\n');
        }
    }

    public static PriorityMessageLine Line(Model.SimulationModel m, in PriorityMessage msg)
    {
        var srem = msg.Type != PriorityMessageType.Status;
        return new PriorityMessageLine(
            InvariantText.Round(SimTime.ToSeconds(msg.Ticks), 3),
            srem ? "srem" : "ssem",
            InvariantText.Word(msg.Type),
            msg.RequestId,
            msg.Sequence,
            msg.VehicleId,
            InvariantText.Word(msg.Mode),
            msg.Line >= 0 ? ModelNames.Line(m, msg.Line) : null,
            ModelNames.Intersection(m, msg.Intersection),
            ModelNames.Centre(m, msg.Intersection),
            m.LinkIds[msg.ApproachLink],
            ModelNames.Group(m, msg.Group),
            msg.OverLink ? "link" : "vehicle",
            srem ? InvariantText.Round(SimTime.ToSeconds(msg.EtaTicks), 3) : null,
            srem ? InvariantText.Round(msg.DurationS, 3) : null,
            srem ? InvariantText.Round(msg.LatenessS, 3) : null,
            srem ? msg.Lost : null,
            srem && !msg.Lost ? InvariantText.Round(SimTime.ToSeconds(msg.DeliveredTicks), 3) : null,
            srem ? null : InvariantText.Word(msg.Status),
            srem || msg.Reason == PriorityReason.None ? null : InvariantText.Kebab(msg.Reason),
            srem ? null : msg.Final);
    }

    /// <summary>Reads a line back (for tests and tools).</summary>
    public static PriorityMessageLine Parse(string line) =>
        JsonSerializer.Deserialize(line, PriorityMessagesJsonContext.Default.PriorityMessageLine)
        ?? throw new JsonException("a priority message line holds null");
}
