// Measurement inside the step: stop-line delay per approach (measured vehicles, whenever they
// cross) and periodic queue samples (over the measured period).
namespace SignalSim.Core.Engine;

public sealed partial class Simulation
{
    /// <summary>Below this speed a vehicle on an approach counts as queued.</summary>
    public const double QueuedSpeedMps = 2.0;

    private readonly int[] _approachOfLink;
    private readonly int[] _approachDepartures;
    private readonly double[] _approachDelaySumS;

    private void RecordStopLineCrossing(int link, double crossS, int slot)
    {
        var approach = _approachOfLink[link];
        if (approach < 0 || !IsMeasured(_departTicks[slot])) return;
        var delay = crossS - _stopLineDueS[slot];
        _approachDepartures[approach]++;
        _approachDelaySumS[approach] += delay;
        Recorder.RecordCrossing(new Metrics.StopLineCrossing(crossS, link, _vehicleId[slot], _class[slot], _route[slot], delay, _dwellOnLinkS[slot], _redLossOnLinkS[slot]));
    }

    /// <summary>A slow vehicle belongs to the queue if it is this close to the vehicle ahead (or the stop line).</summary>
    public const double QueueJoinGapM = 15.0;

    private void RecordQueues()
    {
        if (NowTicks <= _m.WarmupTicks || NowTicks - _m.StepTicks >= _m.MeasuredEndTicks) return; // measured period only
        var atSample = NowTicks % _m.QueueSampleTicks == 0;
        if (!atSample && NowTicks < _m.MeasuredEndTicks) return; // the last, shorter interval is recorded at its end
        var approaches = _m.ApproachLinks;
        for (var a = 0; a < approaches.Length; a++)
        {
            var link = approaches[a];
            var length = _m.LinkLengthM[link];
            var queued = 0;
            var extent = 0.0;
            var first = _m.LinkFirstLane[link];
            for (var lane = first; lane < first + _m.LinkLaneCount[link]; lane++)
            {
                // The queue is the chain of slow vehicles reaching back from the stop line; a slow
                // vehicle far upstream (e.g. just entering) is not part of it.
                var n = _laneCount[lane];
                var aheadRear = length;
                for (var k = 0; k < n; k++)
                {
                    var slot = SlotAt(lane, k);
                    if (aheadRear - _posM[slot] > QueueJoinGapM) break;
                    aheadRear = _posM[slot] - _lengthM[slot];
                    if (_speedMps[slot] >= QueuedSpeedMps) continue; // discharging, but the chain goes on
                    queued++;
                    var reach = length - aheadRear;
                    if (reach > extent) extent = reach;
                }
            }
            Recorder.RecordQueue(new Metrics.QueueSample(NowTicks, link, queued, Math.Min(extent, length), _approachDepartures[a], _approachDelaySumS[a]));
            _approachDepartures[a] = 0;
            _approachDelaySumS[a] = 0;
        }
    }

    private void RecordTrajectories()
    {
        var rec = _m.Recording;
        if (!rec.RecordTrajectories) return;
        var now = SimTime.ToSeconds(NowTicks);
        if (now < rec.TrajectoryFromS || now > rec.TrajectoryToS) return;
        if (NowTicks % SimTime.FromSeconds(rec.TrajectoryIntervalS) != 0) return;
        for (var lane = 0; lane < _laneCount.Length; lane++)
        {
            var link = _m.LaneLink[lane];
            if (!_m.TrajectoryLink[link]) continue;
            for (var k = 0; k < _laneCount[lane]; k++)
            {
                var slot = SlotAt(lane, k);
                Recorder.RecordTrajectory(new Metrics.TrajectorySample(NowTicks, _vehicleId[slot], _class[slot], link, _posM[slot], _speedMps[slot]));
            }
        }
    }
}
