// One line of transitions.csv: a change from one plan to the next at an intersection, by the
// centre's transition method, with what it cost: how long the intersection ran off both plans'
// coordination and how much green time was held (lengthened) or cut (shortened) to get there.
using SignalSim.Core.Scenario;

namespace SignalSim.Core.Metrics;

/// <param name="FromPlan">Slot of the plan left (indexes the centre's plan names).</param>
/// <param name="ToPlan">Slot of the plan reached.</param>
/// <param name="StartTicks">When the old plan reached its cycle time 0 and the change began.</param>
/// <param name="EndTicks">When the new plan ran on its own offset.</param>
/// <param name="Cycles">Cycles of the new plan begun before the change completed (dwell: 0, the hold comes before the new plan's first cycle).</param>
/// <param name="PlannedCycles">Short-way: the cycles its limits allow for the offset to be reached; dwell: 0.</param>
/// <param name="LengthenedTicks">Time the states were held: the dwell, or the short-way's lengthening.</param>
/// <param name="ShortenedTicks">Green time cut by the short-way (never below a minimum green).</param>
public readonly record struct PlanTransition(
    int Intersection,
    int FromPlan,
    int ToPlan,
    TransitionMethod Method,
    long StartTicks,
    long EndTicks,
    int Cycles,
    int PlannedCycles,
    long LengthenedTicks,
    long ShortenedTicks);
