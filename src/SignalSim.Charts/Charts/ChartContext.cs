// Everything a chart draws from: the results folder, the request and the labels of its language.
using SignalSim.Charts.Labels;
using SignalSim.Charts.Results;

namespace SignalSim.Charts.Charts;

public sealed class ChartContext(ResultsFolder folder, ChartRequest request)
{
    public ResultsFolder Folder { get; } = folder;
    public ChartRequest Request { get; } = request;
    public ChartLabels Labels { get; } = ChartLabels.For(request.Language);

    /// <summary>The run of the requested strategy, the baseline by default.</summary>
    public RunFolder Run => Folder.Run(Request.Strategy);

    /// <summary>A strategy's name as charts show it, the baseline marked.</summary>
    public string StrategyName(RunFolder run) =>
        Folder.IsComparison && run.Name == Folder.Baseline ? $"{run.Name} ({Labels["report.baseline"]})" : run.Name;
}
