// Figures hour by hour across the measured period, from a run's trips.csv and pedestrians.csv:
// the mean delay of the bus trips and the person-delay of every traveller, per clock hour.
// A trip counts in the hour it entered the network (its departure), a pedestrian in the hour it
// reached the kerb, so each traveller counts once and the hours add up to the run's whole
// person-delay (summary.json's person_delay_h of every mode plus the pedestrians' waits).
// Person-delay follows the comparison's definition: vehicle delay times the class's occupancy,
// unfinished vehicles with the delay accumulated by the end, plus every pedestrian's wait.
using SignalSim.Charts.Results;
using SignalSim.Core.Scenario;

namespace SignalSim.Charts.Model;

/// <param name="Hour">Hours since midnight of the run's first day, as in <see cref="HourlyPointsDurs"/>.</param>
/// <param name="BusTrips">Finished bus trips that departed in the hour.</param>
/// <param name="BusMeanDelayS">Their mean delay (travel time less free-flow time); null without any.</param>
/// <param name="PersonDelayH">Person-delay of the travellers who started in the hour, pedestrians included, in person-hours.</param>
public sealed record HourFigures(int Hour, int BusTrips, double? BusMeanDelayS, double PersonDelayH);

public static class HourlyDelay
{
    /// <summary>The figures of every measured hour of a run, first to last (an hour without travellers has zeros).</summary>
    public static List<HourFigures> Of(RunFolder run)
    {
        var occupancy = VehicleClassDefaults.Resolve(run.Scenario.VehicleClasses).ToDictionary(c => c.Id, c => c.Occupancy, StringComparer.Ordinal);
        // A folder without pedestrians.csv (written by every run, but optional for the charts) has no pedestrian in it.
        var pedestrians = run.Has(PedestrianWaitRow.FileName) ? PedestrianWaitRow.Read(run.PathOf(PedestrianWaitRow.FileName)) : [];
        return Of(VehicleDelayRow.Read(run.PathOf(TripRow.FileName)), pedestrians, occupancy,
            run.Scenario.Simulation.StartTimeOfDayS, run.Summary.WarmupS, run.Summary.DurationS, run.PathOf(TripRow.FileName));
    }

    public static List<HourFigures> Of(IReadOnlyList<VehicleDelayRow> vehicles, IReadOnlyList<PedestrianWaitRow> pedestrians,
        IReadOnlyDictionary<string, double> occupancy, double startOfDayS, double warmupS, double durationS, string tripsPath = TripRow.FileName)
    {
        var hours = HourlyPointsDurs.MeasuredHours(startOfDayS, warmupS, durationS);
        var first = hours[0];
        var busTrips = new int[hours.Count];
        var busDelayS = new double[hours.Count];
        var personDelayS = new double[hours.Count];
        // Travellers are measured from their arrival in the measured period; clamping only guards its edges.
        int Index(double simS) => Math.Clamp((int)Math.Floor((startOfDayS + simS) / HourlyPointsDurs.HourS) - first, 0, hours.Count - 1);
        foreach (var v in vehicles)
        {
            if (!occupancy.TryGetValue(v.VehicleClass, out var persons))
                throw new ResultsFileException(tripsPath, $"vehicle class '{v.VehicleClass}' is not one of the scenario's ({string.Join(", ", occupancy.Keys)}); the file comes from another scenario");
            var i = Index(v.DepartS);
            personDelayS[i] += v.DelayS * persons;
            if (v.Mode != BusTimeLost.Mode || !v.Finished) continue;
            busTrips[i]++;
            busDelayS[i] += v.DelayS;
        }
        foreach (var p in pedestrians) personDelayS[Index(p.ArrivalS)] += p.WaitS;

        var figures = new List<HourFigures>(hours.Count);
        for (var i = 0; i < hours.Count; i++)
            figures.Add(new HourFigures(hours[i], busTrips[i], busTrips[i] > 0 ? busDelayS[i] / busTrips[i] : null, personDelayS[i] / 3600));
        return figures;
    }
}
