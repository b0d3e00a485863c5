// Counts of what controllers did with priority requests, as a pure function of the events, for
// the per-intersection part of the "points durs" diagnostic.
using SignalSim.Core.Metrics;

namespace SignalSim.Core.Output;

/// <summary>Refusals of one reason, the reason in the kebab-case words of priority.csv.</summary>
public sealed record ReasonCount(string Reason, int Count);

/// <summary>
/// Priority events of one intersection. Requests include the forwarded ones; cancellations are
/// extensions released because the vehicle's refreshed estimate showed it could not use them; refusals list every
/// reason in a fixed order, zeros included, so that files of different runs line up.
/// </summary>
public sealed record PriorityCounts(int Requests, int ForwardedRequests, int Extensions, int EarlyGreens, int PhaseInsertions, int CheckedOut, int Expired,
    int Cancellations, IReadOnlyList<ReasonCount> Refusals)
{
    public int Refused => Refusals.Sum(r => r.Count);
}

public static class PriorityMetrics
{
    public static PriorityCounts Count(IEnumerable<PriorityEvent> events)
    {
        int requests = 0, forwarded = 0, extensions = 0, early = 0, insertions = 0, checkedOut = 0, expired = 0, cancelled = 0;
        var reasons = Enum.GetValues<PriorityReason>().Where(r => r != PriorityReason.None).ToArray();
        var refused = new int[reasons.Length];
        foreach (var e in events)
        {
            switch (e.Action)
            {
                case PriorityAction.Requested:
                    requests++;
                    if (e.Forwarded) forwarded++;
                    break;
                case PriorityAction.Extension: extensions++; break;
                case PriorityAction.EarlyGreen: early++; break;
                case PriorityAction.PhaseInsertion: insertions++; break;
                case PriorityAction.CheckedOut: checkedOut++; break;
                case PriorityAction.Expired: expired++; break;
                case PriorityAction.Cancelled: cancelled++; break;
                case PriorityAction.Refused:
                    var i = Array.IndexOf(reasons, e.Reason);
                    if (i >= 0) refused[i]++; // a refusal always carries its reason
                    break;
            }
        }
        return new PriorityCounts(requests, forwarded, extensions, early, insertions, checkedOut, expired, cancelled,
            reasons.Select((r, i) => new ReasonCount(InvariantText.Kebab(r), refused[i])).ToList());
    }
}
