// A centre's plan transition method, resolved from the scenario (default dwell) and in fractions.
using SignalSim.Core.Scenario;

namespace SignalSim.Core.Model;

/// <param name="MaxLengthenFraction">Short-way: most of the new cycle that may be held in one cycle.</param>
/// <param name="MaxShortenFraction">Short-way: most of the new cycle that may be cut in one cycle.</param>
public sealed record TransitionRules(TransitionMethod Method, double MaxLengthenFraction, double MaxShortenFraction)
{
    public static readonly TransitionRules Dwell = new(TransitionMethod.Dwell, 0, 0);

    /// <summary>The short-way limits of a centre that gives none (the scenario's defaults).</summary>
    public static readonly TransitionRules DefaultShortWay = For(new TransitionSpec { Method = TransitionMethod.ShortWay });

    public static TransitionRules For(TransitionSpec? spec) => spec is null
        ? Dwell
        : new(spec.Method, spec.MaxLengthenPercent / 100.0, spec.MaxShortenPercent / 100.0);
}
