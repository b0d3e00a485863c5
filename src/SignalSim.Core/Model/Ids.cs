// Typed indices into the compiled model's arrays, so that a lane index is never passed where a
// link index was meant. Hot loops use the raw ints; these guard the public surface.
namespace SignalSim.Core.Model;

public readonly record struct LinkId(int Index);

public readonly record struct LaneId(int Index);

public readonly record struct IntersectionId(int Index);

public readonly record struct SignalGroupId(int Index);

public readonly record struct RouteId(int Index);
