// Lane changes within a link, decided on the moved state and applied in order (CityFlow's
// compute-then-commit), so that no change depends on the order lanes are visited and no change
// creates an overlap:
// - mandatory: a driver whose lane does not serve its next movement (or who should be in its
//   mode's own lane, or in the kerb lane for its next stop) moves one lane towards it whenever the
//   gap is safe; until then it may not cross the stop line (see CarFollowing);
// - discretionary (MOBIL, Kesting, Treiber and Helbing 2007): within the lanes of its movement, a
//   driver changes when its own acceleration gain exceeds politeness p × the followers' loss plus
//   the threshold Δa_th, and the new follower's braking stays above −b_safe. A bus dwelling at a
//   stop in a general lane is overtaken this way.
// Gaps to the new leader and follower must keep both standstill gaps, and a driver waits a
// cool-down between two changes, which keeps it from hopping back and forth.
// A mandatory change that finds no gap makes one, as drivers do: the changer drops back behind
// the target-lane driver alongside it (gap seeking) and the next driver in the target lane eases
// off to let it in (courtesy), both at most at the comfortable deceleration, and neither within
// the first metres after a stop line, where braking would hold the intersection.
namespace SignalSim.Core.Engine;

public sealed partial class Simulation
{
    private const long LaneChangeCooldownTicks = 3 * SimTime.TicksPerSecond;

    /// <summary>
    /// A driver weighs a discretionary change once a second (drivers do not reconsider their lane
    /// at every step), each at its own phase: the decisions then do not depend on the step, and
    /// the MOBIL evaluation, the dearest part of a step, runs for a fraction of the vehicles.
    /// Mandatory changes are sought at every step.
    /// </summary>
    private const long DiscretionaryDecisionIntervalTicks = SimTime.TicksPerSecond;

    /// <summary>Seconds of travel before the stop line in which moving drivers no longer change lanes.</summary>
    private const double NoChangeBeforeLineS = 1.0;

    /// <summary>After a change, braking of the driver and its new follower is put down to the change for this long.</summary>
    private const long CutInMemoryTicks = 3 * SimTime.TicksPerSecond;

    private long[] _lastLaneChangeTicks = [];
    private long[] _cutInUntilTicks = [];
    private long[] _laneLastDepartureTicks = [];
    private int[] _laneLastDepartureId = [];  // vehicle id of the last vehicle that left the lane across its stop line, -1 before any
    private long[] _hardBrakingSteps = [];
    private bool[] _missedLane = [];
    private int[] _multiLaneLinks = [];
    private int[] _decisionSlot = [];
    private int[] _decisionFrom = [];
    private int[] _decisionTo = [];
    private int _decisionCount;

    // Courtesy: a driver in the target lane behind a driver who must change in lets it in, by
    // following it as if it were already ahead (as long as that asks no more than b_safe).
    private int[] _courtesyFor = [];
    private int[] _courtesyForId = [];
    private long[] _courtesyUntilTicks = [];

    /// <summary>A courtesy lasts this long unless renewed by the waiting driver.</summary>
    private const long CourtesyTicks = 2 * SimTime.TicksPerSecond;

    // Gap seeking: a driver who must change in behind the target-lane driver alongside it drops
    // back behind it; decided with the lane changes, read by the next car-following pass only.
    private int[] _gapSeekBehind = [];
    private int[] _gapSeekBehindId = [];
    private long[] _gapSeekUntilTicks = [];

    /// <summary>Neither gap seeking nor courtesy brakes a driver within this distance after the upstream stop line.</summary>
    private const double MakeRoomFromM = 30;

    /// <summary>Below this speed a target-lane driver is queued, not passing: dropping back behind it gains nothing.</summary>
    private const double GapSeekingMinSpeedMps = 2;

    /// <summary>Lane changes made, mandatory (towards the lanes of the next movement) and discretionary.</summary>
    public long MandatoryLaneChanges { get; private set; }
    public long DiscretionaryLaneChanges { get; private set; }

    /// <summary>Link entries in a lane that does not serve the next movement, and those that still reached the stop line in it.</summary>
    public long MandatoryLaneChangesNeeded { get; private set; }
    public long MandatoryLaneChangesMissed { get; private set; }

    /// <summary>Vehicle-steps in which a driver braked harder than its class's maximum deceleration, by cause.</summary>
    public ReadOnlySpan<long> HardBrakingSteps => _hardBrakingSteps;

    private void InitialiseLaneChanges()
    {
        var total = _posM.Length;
        _lastLaneChangeTicks = Rent<long>(total);
        _cutInUntilTicks = Rent<long>(total);
        _missedLane = Rent<bool>(total);
        _decisionSlot = Rent<int>(total);
        _decisionFrom = Rent<int>(total);
        _decisionTo = Rent<int>(total);
        _courtesyFor = Rent<int>(total);
        _courtesyForId = Rent<int>(total);
        _courtesyUntilTicks = Rent<long>(total);
        _decisionPhase = Rent<byte>(total);
        _stepsPerDecision = (int)Math.Clamp(DiscretionaryDecisionIntervalTicks / _m.StepTicks, 1, byte.MaxValue);
        _currentDecisionPhase = 0; // step 0: the vehicles whose id is a multiple of the interval
        _gapSeekBehind = Rent<int>(total);
        _gapSeekBehindId = Rent<int>(total);
        _gapSeekUntilTicks = Rent<long>(total);
        _laneLastDepartureTicks = Rent<long>(_laneCount.Length);
        Array.Fill(_laneLastDepartureTicks, long.MinValue / 2);
        _laneLastDepartureId = Rent<int>(_laneCount.Length);
        Array.Fill(_laneLastDepartureId, -1);
        _hardBrakingSteps = new long[BrakingCauses.Count];
        var multi = new List<int>();
        for (var l = 0; l < _m.LinkCount; l++)
        {
            if (_m.LinkLaneCount[l] > 1) multi.Add(l);
        }
        _multiLaneLinks = multi.ToArray();
    }

    /// <summary>Counts a link entry in a lane that does not serve the vehicle's next movement.</summary>
    private void NoteEntryLane(int slot, int lane, int step)
    {
        _missedLane[slot] = false;
        _wrongLaneSinceTicks[slot] = -1;
        if (_m.StepGroup[step] < 0) return;
        if ((_m.StepLaneMask[step] & (1UL << (lane - _m.LinkFirstLane[_m.StepLink[step]]))) == 0) MandatoryLaneChangesNeeded++;
    }

    /// <summary>A front vehicle stopping at the line in a lane that does not serve its movement: the change came too late.</summary>
    private void NoteMissedLane(int slot, double toStopLineM)
    {
        if (_missedLane[slot] || toStopLineM > 5 || _speedMps[slot] > StopSpeedMps) return;
        _missedLane[slot] = true;
        _wrongLaneSinceTicks[slot] = NowTicks;
        MandatoryLaneChangesMissed++;
    }

    private void ChangeLanes()
    {
        _decisionCount = 0;
        var links = _multiLaneLinks;
        for (var i = 0; i < links.Length; i++)
        {
            var link = links[i];
            var first = _m.LinkFirstLane[link];
            var lanes = _m.LinkLaneCount[link];
            for (var k = 0; k < lanes; k++) DecideInLane(link, first + k, k, lanes);
        }
        ApplyLaneChanges();
    }

    private void DecideInLane(int link, int lane, int index, int lanes)
    {
        var n = _laneCount[lane];
        if (n == 0) return;
        var left = index + 1 < lanes ? lane + 1 : -1;
        var right = index > 0 ? lane - 1 : -1;
        var leftCount = left >= 0 ? _laneCount[left] : 0;
        var rightCount = right >= 0 ? _laneCount[right] : 0;
        var jl = 0;
        var jr = 0;
        var classCount = _m.Classes.Length;
        var linkLengthM = _m.LinkLengthM[link];
        for (var k = 0; k < n; k++)
        {
            // The cheap reasons to stay first: most drivers have nothing to decide at this step.
            var slot = SlotAt(lane, k);
            if (NowTicks - _lastLaneChangeTicks[slot] < LaneChangeCooldownTicks || _dwellUntilTicks[slot] >= 0) continue;
            var step = _step[slot];
            var target = _m.StepTargetMask[step];
            if (_stopAtM[slot] != double.PositiveInfinity) target &= ~target + 1; // the kerbside lane of the movement for its stop
            var mandatory = (target & (1UL << index)) == 0;
            ref readonly var p = ref _m.Classes[_class[slot]];
            if (!mandatory && (!p.DiscretionaryLaneChanges || !DecidesDiscretionaryNow(slot))) continue;
            var pos = _posM[slot];
            if (pos - _lengthM[slot] < p.MinGapM || pos >= linkLengthM) continue; // not wholly on the link
            // Lanes are separated by a solid line just before the stop line: nobody changes in the
            // last second of travel before it (a driver standing at the line still may).
            if (_m.StepGroup[step] >= 0 && linkLengthM - pos < _speedMps[slot] * NoChangeBeforeLineS) continue;
            // Index in each neighbour lane of the first vehicle behind this one: lanes are in
            // order, so the indices only move on, and only as far as a driver who decides needs.
            while (jl < leftCount && _posM[SlotAt(left, jl)] >= pos) jl++;
            while (jr < rightCount && _posM[SlotAt(right, jr)] >= pos) jr++;
            var permitted = _m.LinkClassLaneMask[link * classCount + _class[slot]];
            var leader = k > 0 ? SlotAt(lane, k - 1) : -1;
            var follower = k + 1 < n ? SlotAt(lane, k + 1) : -1;
            if (mandatory)
            {
                var dir = TowardsMask(target, index);
                var to = dir > 0 ? left : right;
                if (to >= 0 && (permitted & (1UL << (index + dir))) != 0)
                {
                    var at = dir > 0 ? jl : jr;
                    if (Gain(slot, link, lane, to, at, leader, follower, mandatory: true) > 0) Decide(slot, lane, to);
                    else
                    {
                        if (at < _laneCount[to]) AskCourtesy(SlotAt(to, at), slot);
                        if (at > 0) SeekGapBehind(slot, SlotAt(to, at - 1));
                    }
                }
                continue;
            }
            var bestGain = 0.0;
            var bestLane = -1;
            if (left >= 0 && (target & (1UL << (index + 1))) != 0)
            {
                var g = Gain(slot, link, lane, left, jl, leader, follower, mandatory: false);
                if (g > bestGain) { bestGain = g; bestLane = left; }
            }
            if (right >= 0 && (target & (1UL << (index - 1))) != 0)
            {
                var g = Gain(slot, link, lane, right, jr, leader, follower, mandatory: false);
                if (g > bestGain) { bestGain = g; bestLane = right; }
            }
            if (bestLane >= 0) Decide(slot, lane, bestLane);
        }
    }

    // Each vehicle's phase in the decision interval, drawn from its id on entry, and the phase of
    // the current step: a comparison per vehicle rather than a division.
    private byte[] _decisionPhase = [];
    private int _stepsPerDecision = 1;
    private int _currentDecisionPhase;

    private void AssignDecisionPhase(int slot) => _decisionPhase[slot] = (byte)(_vehicleId[slot] % _stepsPerDecision);

    /// <summary>Moves the decision phase on by one step: the vehicles whose id plus the step index is a multiple of the interval decide.</summary>
    private void AdvanceDecisionPhase()
    {
        _currentDecisionPhase = _currentDecisionPhase == 0 ? _stepsPerDecision - 1 : _currentDecisionPhase - 1;
    }

    /// <summary>Whether this step is the vehicle's once-a-second moment to weigh a discretionary change.</summary>
    private bool DecidesDiscretionaryNow(int slot) => _decisionPhase[slot] == _currentDecisionPhase;

    private void AskCourtesy(int follower, int changer)
    {
        _courtesyFor[follower] = changer;
        _courtesyForId[follower] = _vehicleId[changer];
        _courtesyUntilTicks[follower] = NowTicks + CourtesyTicks;
    }

    private void SeekGapBehind(int changer, int alongside)
    {
        _gapSeekBehind[changer] = alongside;
        _gapSeekBehindId[changer] = _vehicleId[alongside];
        _gapSeekUntilTicks[changer] = NowTicks + _m.StepTicks; // the next car-following pass only
    }

    /// <summary>
    /// The acceleration a driver asked for courtesy takes to let the changer in ahead of it:
    /// following the changer as if it were already ahead, even alongside, but never braking
    /// harder than comfortably; +∞ when none asked, when the changer is behind it (the changer
    /// drops back instead) or just after the upstream stop line.
    /// </summary>
    private double CourtesyAcceleration(int slot, int link, in Model.VehicleClassParameters p)
    {
        if (_courtesyUntilTicks[slot] <= NowTicks) return double.PositiveInfinity;
        var changer = _courtesyFor[slot];
        if (!StillOnLink(changer, _courtesyForId[slot], link)) return double.PositiveInfinity;
        if (_posM[changer] < _posM[slot] || _posM[slot] < MakeRoomFromM) return double.PositiveInfinity;
        return FollowAsIfAhead(slot, changer, in p);
    }

    /// <summary>
    /// The acceleration of a driver seeking a gap: following the target-lane driver alongside it
    /// as if it were already behind it, never braking harder than comfortably; +∞ when it found
    /// no such driver, when that driver is queued, or just after the upstream stop line.
    /// </summary>
    private double GapSeekingAcceleration(int slot, int link, in Model.VehicleClassParameters p)
    {
        if (_gapSeekUntilTicks[slot] <= NowTicks) return double.PositiveInfinity;
        var alongside = _gapSeekBehind[slot];
        if (!StillOnLink(alongside, _gapSeekBehindId[slot], link)) return double.PositiveInfinity;
        if (_speedMps[alongside] < GapSeekingMinSpeedMps || _posM[slot] < MakeRoomFromM) return double.PositiveInfinity;
        return FollowAsIfAhead(slot, alongside, in p);
    }

    /// <summary>Whether the slot still holds the vehicle of that id (slots are reused) and it is still on the link.</summary>
    private bool StillOnLink(int other, int otherId, int link) => _vehicleId[other] == otherId && _m.StepLink[_step[other]] == link;

    /// <summary>Making room: following the other driver as if it were already ahead in the lane, even alongside, never braking harder than comfortably.</summary>
    private double FollowAsIfAhead(int slot, int ahead, in Model.VehicleClassParameters p)
    {
        var gap = _posM[ahead] - _lengthM[ahead] - _posM[slot];
        var acc = Idm.Acceleration(in p, _speedMps[slot], _freeSpeedHereMps[slot], gap, _speedMps[ahead]);
        return Math.Max(acc, -p.ComfortableDecelerationMps2);
    }

    /// <summary>+1 (left) or −1 (right): the direction of the nearest lane of the mask, the right one on a tie.</summary>
    private static int TowardsMask(ulong mask, int index)
    {
        for (var d = 1; d < 64; d++)
        {
            if (index - d >= 0 && (mask & (1UL << (index - d))) != 0) return -1;
            if (index + d < 64 && (mask & (1UL << (index + d))) != 0) return 1;
        }
        return 0;
    }

    private void Decide(int slot, int from, int to)
    {
        _decisionSlot[_decisionCount] = slot;
        _decisionFrom[_decisionCount] = from;
        _decisionTo[_decisionCount] = to;
        _decisionCount++;
    }

    /// <summary>
    /// MOBIL for a change into <paramref name="to"/>, where <paramref name="insertAt"/> is the index of
    /// the first vehicle behind: the incentive minus the threshold (positive: change), or −∞ when
    /// unsafe. A mandatory change needs only to be safe. A driver who would lead the new lane is
    /// judged as a front vehicle (its stop line, the exit lane beyond it), and one who would be
    /// last in it must leave room for the front vehicles about to cross into it from upstream.
    /// </summary>
    private double Gain(int slot, int link, int from, int to, int insertAt, int leader, int follower, bool mandatory)
    {
        if (_laneCount[to] >= _laneCapacity[to]) return double.NegativeInfinity;
        ref readonly var p = ref _m.Classes[_class[slot]];
        var newLeader = insertAt > 0 ? SlotAt(to, insertAt - 1) : -1;
        var newFollower = insertAt < _laneCount[to] ? SlotAt(to, insertAt) : -1;
        if (newLeader >= 0 && _posM[newLeader] - _lengthM[newLeader] - _posM[slot] < p.MinGapM) return double.NegativeInfinity;
        if (newFollower >= 0 && _posM[slot] - _lengthM[slot] - _posM[newFollower] < _m.Classes[_class[newFollower]].MinGapM) return double.NegativeInfinity;
        var ownAfter = AccelerationIn(slot, to, newLeader, link);
        if (ownAfter < -p.SafeDecelerationMps2) return double.NegativeInfinity;
        var newFollowerAfter = newFollower >= 0 ? AccelerationBehind(newFollower, slot, link) : 0;
        if (newFollowerAfter < -p.SafeDecelerationMps2) return double.NegativeInfinity;
        if (mandatory)
        {
            if (!SafeBeyondTheLane(slot, to, link, newLeader, newFollower)) return double.NegativeInfinity;
            return newFollower < 0 || SafeOverHorizon(newFollower, slot, ownAfter, link) ? double.PositiveInfinity : double.NegativeInfinity;
        }
        var ownBefore = AccelerationIn(slot, from, leader, link);
        var newFollowerBefore = newFollower >= 0 ? AccelerationIn(newFollower, to, newLeader, link) : 0;
        var oldFollowerBefore = follower >= 0 ? AccelerationBehind(follower, slot, link) : 0;
        var oldFollowerAfter = follower >= 0 ? AccelerationIn(follower, from, leader, link) : 0;
        var gain = ownAfter - ownBefore + p.Politeness * (newFollowerAfter - newFollowerBefore + oldFollowerAfter - oldFollowerBefore);
        gain -= p.LaneChangeThresholdMps2;
        // No incentive, no change: the costlier safety checks only for a change worth making (the
        // caller takes any figure at or below zero as "stay", unsafe or not).
        if (gain <= 0) return gain;
        if (!SafeBeyondTheLane(slot, to, link, newLeader, newFollower)) return double.NegativeInfinity;
        return newFollower >= 0 && !SafeOverHorizon(newFollower, slot, ownAfter, link) ? double.NegativeInfinity : gain;
    }

    /// <summary>A driver who would be last in the new lane leaves room for the vehicles about to enter it; one who would lead it, for those merging beyond its line.</summary>
    private bool SafeBeyondTheLane(int slot, int to, int link, int newLeader, int newFollower) =>
        (newFollower >= 0 || SafeForArrivals(slot, to, link)) && (newLeader >= 0 || SafeForMerge(slot, to, link));

    /// <summary>Acceleration of a vehicle in a lane behind a leader on the same link, or as the lane's front vehicle when there is none.</summary>
    private double AccelerationIn(int slot, int lane, int leader, int link) =>
        leader >= 0 ? AccelerationBehind(slot, leader, link) : FrontAccelerationIn(slot, lane, link);

    /// <summary>
    /// What a driver would do as the front vehicle of a lane, as car-following sees it but without
    /// deciding anything: stop at a signal it can stop for comfortably, or at the line of a lane
    /// that does not serve its movement, or follow the last vehicle of the exit lane.
    /// </summary>
    private double FrontAccelerationIn(int slot, int lane, int link)
    {
        ref readonly var p = ref _m.Classes[_class[slot]];
        var speed = _speedMps[slot];
        var desired = FreeSpeedMps(slot, link);
        var step = _step[slot];
        var group = _m.StepGroup[step];
        if (group < 0) return Idm.FreeRoadAcceleration(in p, speed, desired);
        var toStopLine = _m.LinkLengthM[link] - _posM[slot];
        var next = ExitLaneOf(lane, step);
        if (next < 0 || (_groupState[group] != Signals.SignalState.Green && speed * speed <= 2 * p.ComfortableDecelerationMps2 * Math.Max(toStopLine, 0.01)))
        {
            return Idm.Acceleration(in p, speed, desired, toStopLine, 0);
        }
        var cause = BrakingCause.Leader;
        var acc = FollowExitLane(lane, next, in p, speed, desired, toStopLine, ref cause);
        if (_claimCount[next] > 0)
        {
            var merge = MergeAcceleration(slot, lane, next, toStopLine, desired);
            if (merge < acc) acc = merge;
        }
        return acc;
    }

    /// <summary>Seconds over which a change must keep its new follower within b_safe.</summary>
    private const double LaneChangeHorizonS = 2.0;

    /// <summary>
    /// MOBIL's b_safe over the next seconds, not only now: the changer keeps its own acceleration
    /// (a changer braking for a signal closes the gap faster than its present speed says) and the
    /// new follower answers it by the IDM; the follower must never need more than b_safe.
    /// </summary>
    private bool SafeOverHorizon(int follower, int changer, double changerAcc, int link)
    {
        ref readonly var pf = ref _m.Classes[_class[follower]];
        var desired = FreeSpeedMps(follower, link);
        var vc = _speedMps[changer];
        var vf = _speedMps[follower];
        var gap = _posM[changer] - _lengthM[changer] - _posM[follower];
        var dt = _dtS;
        for (var t = 0.0; t < LaneChangeHorizonS; t += dt)
        {
            var af = Idm.Acceleration(in pf, vf, desired, gap, vc);
            if (af < -pf.SafeDecelerationMps2) return false;
            var vc1 = Math.Max(0, vc + changerAcc * dt);
            var vf1 = Math.Max(0, vf + af * dt);
            gap += ((vc + vc1) - (vf + vf1)) * 0.5 * dt;
            vc = vc1;
            vf = vf1;
        }
        return true;
    }

    /// <summary>
    /// Whether a driver becoming the front vehicle of a lane leaves the claimants of other lanes
    /// merging into the same exit lane, which would then have to let it go first, a deceleration
    /// within b_safe (following it, or stopping at their own line, whichever is gentler).
    /// </summary>
    private bool SafeForMerge(int slot, int lane, int link)
    {
        var step = _step[slot];
        if (_m.StepGroup[step] < 0) return true;
        var next = ExitLaneOf(lane, step);
        if (next < 0) return true;
        var n = _claimCount[next];
        if (n == 0) return true;
        var toStopLine = _m.LinkLengthM[link] - _posM[slot];
        var own = MergeOrder(slot, toStopLine, FreeSpeedMps(slot, link));
        for (var i = 0; i < n; i++)
        {
            var k = next * MaxClaims + i;
            var c = _claimSlot[k];
            if (c == slot || _claimLane[k] == lane) continue;
            var cLink = _m.StepLink[_step[c]];
            if (cLink != _m.LaneLink[_claimLane[k]]) continue; // already across
            var d = _m.LinkLengthM[cLink] - _posM[c];
            var desired = FreeSpeedMps(c, cLink);
            if (MergeOrder(c, d, desired) < own) continue; // goes first anyway
            ref readonly var pc = ref _m.Classes[_class[c]];
            var behind = Idm.Acceleration(in pc, _speedMps[c], desired, d - toStopLine - _lengthM[slot], _speedMps[slot]);
            var atLine = Idm.Acceleration(in pc, _speedMps[c], desired, d, 0);
            if (Math.Max(behind, atLine) < -pc.SafeDecelerationMps2) return false;
        }
        return true;
    }

    /// <summary>
    /// Whether a driver becoming the last vehicle of a lane leaves the front vehicles about to
    /// cross into it from upstream (this step's claimants) a deceleration within b_safe.
    /// </summary>
    private bool SafeForArrivals(int slot, int lane, int link)
    {
        var n = _claimCount[lane];
        var rear = _posM[slot] - _lengthM[slot];
        for (var i = 0; i < n; i++)
        {
            if (!_claimIsFront[lane * MaxClaims + i]) continue; // follows a front of its own lane
            var c = _claimSlot[lane * MaxClaims + i];
            var cLink = _m.StepLink[_step[c]];
            if (cLink == link || c == slot) continue; // already across (it is in this link's lanes now)
            ref readonly var pc = ref _m.Classes[_class[c]];
            var gap = _m.LinkLengthM[cLink] - _posM[c] + rear;
            if (Idm.Acceleration(in pc, _speedMps[c], FreeSpeedMps(c, cLink), gap, _speedMps[slot]) < -pc.SafeDecelerationMps2) return false;
        }
        return true;
    }

    /// <summary>IDM acceleration of a vehicle behind a leader on the same link (free road when there is none).</summary>
    private double AccelerationBehind(int slot, int leader, int link)
    {
        ref readonly var p = ref _m.Classes[_class[slot]];
        var desired = FreeSpeedMps(slot, link);
        if (leader < 0) return Idm.FreeRoadAcceleration(in p, _speedMps[slot], desired);
        return Idm.Acceleration(in p, _speedMps[slot], desired, _posM[leader] - _lengthM[leader] - _posM[slot], _speedMps[leader]);
    }

    /// <summary>Applies the decisions in order, each against the state the previous ones left, keeping only those still safe.</summary>
    private void ApplyLaneChanges()
    {
        for (var d = 0; d < _decisionCount; d++)
        {
            var slot = _decisionSlot[d];
            var from = _decisionFrom[d];
            var to = _decisionTo[d];
            if (_laneCount[to] >= _laneCapacity[to]) continue;
            var pos = _posM[slot];
            var j = 0;
            var n = _laneCount[to];
            while (j < n && _posM[SlotAt(to, j)] >= pos) j++;
            var newLeader = j > 0 ? SlotAt(to, j - 1) : -1;
            var newFollower = j < n ? SlotAt(to, j) : -1;
            if (newLeader >= 0 && _posM[newLeader] - _lengthM[newLeader] - pos < _m.Classes[_class[slot]].MinGapM) continue;
            if (newFollower >= 0 && pos - _lengthM[slot] - _posM[newFollower] < _m.Classes[_class[newFollower]].MinGapM) continue;
            RemoveFromLane(from, slot);
            InsertIntoLane(to, j, slot);
            _lastLaneChangeTicks[slot] = NowTicks;
            _wrongLaneSinceTicks[slot] = -1;
            _missedLane[slot] = false;
            _cutInUntilTicks[slot] = NowTicks + CutInMemoryTicks;
            if (newFollower >= 0) _cutInUntilTicks[newFollower] = NowTicks + CutInMemoryTicks;
            var step = _step[slot];
            var fromIndex = from - _m.LinkFirstLane[_m.StepLink[step]];
            if ((_m.StepTargetMask[step] & (1UL << fromIndex)) == 0 || _stopAtM[slot] != double.PositiveInfinity) MandatoryLaneChanges++;
            else DiscretionaryLaneChanges++;
        }
    }

    private void SetSlotAt(int lane, int k, int slot)
    {
        var i = _laneHead[lane] + k;
        if (i >= _laneCapacity[lane]) i -= _laneCapacity[lane];
        _laneSlots[_laneOffset[lane] + i] = slot;
    }

    private void RemoveFromLane(int lane, int slot)
    {
        var n = _laneCount[lane];
        var k = 0;
        while (SlotAt(lane, k) != slot) k++;
        for (var i = k; i < n - 1; i++) SetSlotAt(lane, i, SlotAt(lane, i + 1));
        _laneCount[lane] = n - 1;
    }

    private void InsertIntoLane(int lane, int index, int slot)
    {
        var n = _laneCount[lane];
        _laneCount[lane] = n + 1;
        for (var i = n; i > index; i--) SetSlotAt(lane, i, SlotAt(lane, i - 1));
        SetSlotAt(lane, index, slot);
    }
}
