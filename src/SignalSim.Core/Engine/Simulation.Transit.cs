// Buses and trams: stops with dwell (a fixed part plus boarding for the passengers who arrived
// since the previous vehicle of the line, so late vehicles dwell longer), schedule lateness, and
// the priority detectors: check-in upstream of each stop line, a fresh arrival estimate every
// step while a request is open (Simulation.ArrivalEstimates.cs), check-out at the line, and, at
// the check-out, the request relayed to the next centre's intersection when its centre forwards.
// Requests, updates and cancellations travel as messages (Simulation.Messages.cs).
using MathNet.Numerics.Distributions;
using SignalSim.Core.Metrics;
using SignalSim.Core.Random;
using SignalSim.Core.Scenario;

namespace SignalSim.Core.Engine;

public sealed partial class Simulation
{
    private long[] _stopLastDepartureTicks = [];
    private XoshiroRandomSource[] _stopPassengers = [];
    private Xoshiro256[] _forwardingLoss = [];

    private void InitialiseTransit()
    {
        var stops = _m.Stops;
        _transitSlots = Rent<int>(_posM.Length);
        _transitIndex = Rent<int>(_posM.Length);
        _stopLastDepartureTicks = new long[stops.Count];
        _stopPassengers = new XoshiroRandomSource[stops.Count];
        for (var s = 0; s < stops.Count; s++)
        {
            var line = _m.Lines[stops.Line[s]];
            // Before the first vehicle, passengers have gathered for one mean headway.
            _stopLastDepartureTicks[s] = -SimTime.FromSeconds(line.MeanHeadwayS);
            _stopPassengers[s] = new XoshiroRandomSource(Xoshiro256.DeriveSeed(_m.Seed, $"stop/{line.Id}/{stops.Ids[s]}"));
        }
        InitialiseMessages();
        _forwardingLoss = new Xoshiro256[_m.Centres.Length];
        for (var c = 0; c < _forwardingLoss.Length; c++) _forwardingLoss[c] = new Xoshiro256(Xoshiro256.DeriveSeed(_m.Seed, "forwarding/" + _m.Centres[c].Id));
    }

    // Buses and trams in the network, so that stops and detectors need not scan every vehicle.
    private int[] _transitSlots = [];
    private int[] _transitIndex = [];
    private int _transitCount;

    private void StartTransitTrip(int slot, int route)
    {
        var line = _m.RouteLine[route];
        _nextStop[slot] = line >= 0 && _m.Lines[line].StopCount > 0 ? _m.Lines[line].FirstStop : -1;
        _dwellUntilTicks[slot] = -1;
        _transitIndex[slot] = -1;
        _requestIntersection[slot] = -1;
        if (_m.Classes[_class[slot]].Mode is not (TravelMode.Bus or TravelMode.Tram)) return;
        _transitIndex[slot] = _transitCount;
        _transitSlots[_transitCount++] = slot;
    }

    private void EndTransitTrip(int slot)
    {
        var i = _transitIndex[slot];
        if (i < 0) return;
        var last = _transitSlots[--_transitCount];
        _transitSlots[i] = last;
        _transitIndex[last] = i;
        _transitIndex[slot] = -1;
    }

    /// <summary>Per-link state of a vehicle that enters a link (its step is already set).</summary>
    private void EnterLink(int slot, int link)
    {
        _dwellOnLinkS[slot] = 0;
        _freeSpeedHereMps[slot] = FreeSpeedMps(slot, link);
        _redLossOnLinkS[slot] = 0;
        var stop = _nextStop[slot];
        _stopAtM[slot] = stop >= 0 && _m.Stops.Step[stop] == _step[slot] ? _m.Stops.PositionM[stop] : double.PositiveInfinity;
        _checkInAtM[slot] = double.PositiveInfinity;
        var mode = _m.Classes[_class[slot]].Mode;
        if (mode is not (TravelMode.Bus or TravelMode.Tram)) return;
        var intersection = _m.LinkToIntersection[link];
        if (intersection < 0) return;
        var definition = _m.Controllers[intersection];
        var rules = mode == TravelMode.Tram ? definition.Tram : definition.Bus;
        if (rules is null) return;
        _checkInAtM[slot] = Math.Max(0, _m.LinkLengthM[link] - rules.CheckInDistanceAt(FreeSpeedMps(slot, link)));
    }

    /// <summary>Dwell at stops, priority check-ins and fresh arrival estimates, after vehicles moved.</summary>
    private void ServeStopsAndDetectors()
    {
        // The order is deterministic (insertions and removals are), so requests reach controllers reproducibly.
        for (var i = 0; i < _transitCount; i++)
        {
            var slot = _transitSlots[i];
            if (_posM[slot] >= _checkInAtM[slot]) CheckIn(slot, _m.StepLink[_step[slot]]);
            if (_stopAtM[slot] != double.PositiveInfinity)
            {
                if (_dwellUntilTicks[slot] >= 0)
                {
                    if (NowTicks >= _dwellUntilTicks[slot]) LeaveStop(slot);
                }
                else if (_stopAtM[slot] - _posM[slot] < StopReachedM && _speedMps[slot] < StopSpeedMps)
                {
                    ArriveAtStop(slot);
                }
            }
            RefreshArrivalEstimate(slot); // with the dwell just started or ended
        }
    }

    /// <summary>A vehicle this close to its stopping point, nearly stopped, has arrived.</summary>
    private const double StopReachedM = 1.0;

    private void ArriveAtStop(int slot)
    {
        var stop = _nextStop[slot];
        var stops = _m.Stops;
        var sinceS = SimTime.ToSeconds(NowTicks - _stopLastDepartureTicks[stop]);
        var expected = stops.PassengersPerHour[stop] * Math.Max(0, sinceS) / 3600;
        var passengers = expected > 0 ? Poisson.Sample(_stopPassengers[stop], expected) : 0;
        var dwellS = stops.DwellFixedS[stop] + stops.BoardingSPerPassenger[stop] * passengers;
        _dwellUntilTicks[slot] = NowTicks + Math.Max(_m.StepTicks, SimTime.FromSeconds(dwellS));
        _speedMps[slot] = 0;
        _dwellOnLinkS[slot] += SimTime.ToSeconds(_dwellUntilTicks[slot] - NowTicks);
        Recorder.RecordStop(new StopEvent(_vehicleId[slot], stops.Line[stop], stop, NowTicks, _dwellUntilTicks[slot], passengers, LatenessS(slot)));
    }

    private void LeaveStop(int slot)
    {
        var stop = _nextStop[slot];
        _stopLastDepartureTicks[stop] = NowTicks;
        _dwellUntilTicks[slot] = -1;
        var next = NextStopOfLine(stop);
        _nextStop[slot] = next;
        _stopAtM[slot] = next >= 0 && _m.Stops.Step[next] == _step[slot] ? _m.Stops.PositionM[next] : double.PositiveInfinity;
    }

    /// <summary>Seconds behind schedule: elapsed time against the scheduled running time prorated by distance.</summary>
    private double LatenessS(int slot)
    {
        var line = _m.RouteLine[_route[slot]];
        if (line < 0) return 0;
        var model = _m.Lines[line];
        var travelled = _m.StepStartDistanceM[_step[slot]] + _posM[slot];
        var due = model.ScheduledRunTimeS * travelled / model.RouteLengthM;
        return SimTime.ToSeconds(NowTicks - _scheduledTicks[slot]) - due;
    }

    /// <summary>The vehicle reached its check-in point, which EnterLink placed only where its mode has priority: it sends its request.</summary>
    private void CheckIn(int slot, int link)
    {
        _checkInAtM[slot] = double.PositiveInfinity;
        var intersection = _m.LinkToIntersection[link];
        var eta = ArrivalEstimateTicks(slot, link);
        OpenRequest(slot, intersection);
        var m = RequestMessage(slot, PriorityMessageType.Request, intersection, _m.StepGroup[_step[slot]], link, eta, LatenessS(slot), overLink: false, lost: false, NowTicks);
        Recorder.RecordMessage(m);
        _requestOwnSent[slot] = true;
        _requestEtaSentTicks[slot] = eta;
        _requestHeld[slot] = Deliver(m);
    }

    /// <summary>
    /// The centre relays the vehicle, as it passes this intersection's stop line, to the next
    /// intersection on its route when another centre runs it: a request message over the link
    /// between the centres, with its latency and loss. At the stop line the estimate of its arrival
    /// downstream no longer carries the uncertainty of this intersection's signal.
    /// </summary>
    private void Forward(int slot, int intersection, int step, TravelMode mode, int line, double latenessS, long etaHereTicks)
    {
        var centre = _m.IntersectionCentre[intersection];
        var rules = _m.Forwarding[centre];
        if (!rules.Enabled) return;
        var lastStep = _m.RouteFirstStep[_route[slot]] + _m.RouteStepCount[_route[slot]] - 1;
        if (step + 1 > lastStep) return;
        var nextLink = _m.StepLink[step + 1];
        var next = _m.LinkToIntersection[nextLink];
        if (next < 0 || _m.IntersectionCentre[next] == centre) return;
        // Each centre's losses come from its own stream, so they disturb nothing else.
        var lost = _forwardingLoss[centre].NextDouble() < rules.LossProbability;
        // Over the next link at free speed, with the expected dwell at its stops; refreshed from the
        // vehicle's state once the request is delivered.
        var eta = etaHereTicks + SimTime.FromSeconds(TimeToLineS(slot, nextLink, step + 1, _nextStop[slot], 0, FreeSpeedMps(slot, nextLink), SimTime.ToSeconds(etaHereTicks)));
        OpenRequest(slot, next);
        var m = RequestMessage(slot, PriorityMessageType.Request, next, _m.StepGroup[step + 1], nextLink, eta, latenessS, overLink: true, lost,
            lost ? -1 : NowTicks + rules.LatencyTicks);
        Recorder.RecordMessage(m);
        if (!lost) Send(slot, m);
    }

    private void CheckOut(int slot, int link)
    {
        var intersection = _m.LinkToIntersection[link];
        if (intersection < 0) return;
        var mode = _m.Classes[_class[slot]].Mode;
        if (mode is not (TravelMode.Bus or TravelMode.Tram)) return;
        CancelRequest(slot, intersection, link);
        Forward(slot, intersection, _step[slot], mode, _m.RouteLine[_route[slot]], LatenessS(slot), NowTicks);
    }
}
