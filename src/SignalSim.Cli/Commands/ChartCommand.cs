// `signalsim chart KIND [RESULTS_DIR] [--window FROM-TO] [--approach ID] [--strategy NAME]
// [--corridor LINK,LINK,...] [--lang fr|en] [--out DIR]`: one chart, as KIND.png and KIND.svg;
// with --events FILE, purdue or split-monitor from a controller event log (see EventLogChart);
// --arrivals detector|undelayed chooses how the Purdue diagram of a run measures arrivals.
using System.CommandLine;
using Microsoft.Extensions.Options;
using SignalSim.Charts.Charts;
using SignalSim.Charts.FieldData;
using SignalSim.Charts.Report;
using SignalSim.Charts.Results;

namespace SignalSim.Cli.Commands;

public sealed class ChartCommand(CliConsole console, IOptions<CliSettings> settings) : CliCommand
{
    /// <summary>The command's name and one-line description (constants: the help listing uses them without loading the command).</summary>
    public const string Name = "chart", Summary = "Draw one chart of a results folder as PNG and SVG.";

    private readonly Argument<string> _kind = new("KIND")
    {
        Description = "Chart to draw: " + string.Join(", ", ChartCatalog.Kinds) + ".",
    };

    private readonly Argument<string?> _results = ChartOptions.ResultsDir();

    private readonly Option<string?> _window = new("--window")
    {
        HelpName = "FROM-TO",
        Description = "Time window in simulation seconds (warm-up included), e.g. 300-900.",
    };

    private readonly Option<string[]> _approach = new("--approach")
    {
        HelpName = "ID",
        Description = "Approach link id (queues: several, repeated or comma-separated; purdue: the first).",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string?> _strategy = new("--strategy")
    {
        HelpName = "NAME",
        Description = "Strategy to show (default: the baseline).",
    };

    private readonly Option<string?> _corridor = new("--corridor")
    {
        HelpName = "LINK,LINK,...",
        Description = "Links of the time-space corridor in travel order (default: the scenario's longest route).",
    };

    private readonly Option<string> _lang = ChartOptions.Language();
    private readonly Option<string?> _scenario = ChartOptions.Scenario();

    private readonly Option<string?> _events = new("--events")
    {
        HelpName = "FILE",
        Description = "Draw purdue or split-monitor from a controller event log (signal_id,timestamp,event_code,event_param) instead of a results folder.",
    };

    private readonly Option<string?> _compareWith = new("--compare-with")
    {
        HelpName = "RESULTS_DIR",
        Description = "With --events: draw this results folder's run (--strategy) on the same axes.",
    };

    private readonly Option<string?> _signal = new("--signal") { HelpName = "ID", Description = "With --events: signal (intersection) id; needed when the log holds several." };
    private readonly Option<int?> _phase = new("--phase") { HelpName = "N", Description = "With --events: phase number of the approach (purdue)." };
    private readonly Option<int?> _detector = new("--detector") { HelpName = "CHANNEL", Description = "With --events: channel of the approach's advance detector (purdue)." };
    private readonly Option<double?> _distance = new("--distance") { HelpName = "M", Description = "With --events: distance from the detector's upstream edge to the stop line, in metres (default: from controller_events_map.csv beside the log)." };
    private readonly Option<double?> _speed = new("--speed") { HelpName = "KMH", Description = "With --events: speed for projecting detector arrivals to the stop line (default: the approach's speed limit in --compare-with)." };

    private readonly Option<string?> _arrivals = new("--arrivals")
    {
        HelpName = "detector|undelayed",
        Description = "purdue: how the run's arrivals are measured: detector (the field method: the run's own advance loop, controller_events.csv from run --events, projected at the speed limit) "
            + "or undelayed (each vehicle's undelayed arrival, crossings.csv). Default: undelayed; with --events and --compare-with, detector when the run wrote an event log with an advance detector on the approach.",
    };

    private readonly Option<string?> _out = new("--out")
    {
        HelpName = "DIR",
        Description = "Folder for KIND.png and KIND.svg (default: RESULTS_DIR/charts).",
    };

    protected override Command Define()
    {
        _kind.AcceptOnlyFromAmong([.. ChartCatalog.Kinds, FieldCharts.SplitMonitorKind]);
        _arrivals.AcceptOnlyFromAmong([.. ArrivalsMethods.Words]);
        return new Command(Name, Summary)
        {
            _kind, _results, _window, _approach, _strategy, _corridor, _lang, _scenario, _events, _compareWith, _signal, _phase, _detector, _distance, _speed, _arrivals, _out,
        };
    }

    protected override int Execute(ParseResult parseResult, CancellationToken cancellation)
    {
        var kind = parseResult.GetValue(_kind)!;
        ArrivalsMethod? arrivals = parseResult.GetValue(_arrivals) is { } a ? ArrivalsMethods.Parse(a) : null;
        if (arrivals is not null && kind != "purdue")
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: --arrivals goes with purdue, not {kind}");
        if (parseResult.GetValue(_events) is { } events)
        {
            if (kind is not ("purdue" or FieldCharts.SplitMonitorKind))
                throw new InvalidInputException($"{CliConsole.ProgramName}: error: --events draws purdue or {FieldCharts.SplitMonitorKind}, not {kind}");
            var written = EventLogChart.Draw(new EventLogChartRequest(kind == "purdue" ? "purdue" : FieldCharts.SplitMonitorKind, events,
                parseResult.GetValue(_signal), parseResult.GetValue(_phase), parseResult.GetValue(_detector), parseResult.GetValue(_distance), parseResult.GetValue(_speed),
                parseResult.GetValue(_compareWith), parseResult.GetValue(_strategy), SplitList(parseResult.GetValue(_approach))?.FirstOrDefault(),
                arrivals, parseResult.GetValue(_lang)!, parseResult.GetValue(_out)));
            console.Out.WriteLine($"chart written: {string.Join(", ", written)}");
            return ExitCodes.Ok;
        }
        if (kind == FieldCharts.SplitMonitorKind)
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: {FieldCharts.SplitMonitorKind} is drawn from a controller event log: add --events FILE");
        if (parseResult.GetValue(_compareWith) is not null)
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: --compare-with goes with --events FILE");
        var chart = ChartCatalog.Find(kind)!;
        var dir = parseResult.GetValue(_results) ?? settings.Value.DefaultOutputFolder;
        var files = ChartOptions.Guard(() =>
        {
            var request = new ChartRequest
            {
                Language = parseResult.GetValue(_lang)!,
                Strategy = parseResult.GetValue(_strategy),
                Window = parseResult.GetValue(_window) is { } w ? TimeWindow.Parse(w) : null,
                Approaches = SplitList(parseResult.GetValue(_approach)),
                Corridor = SplitList(parseResult.GetValue(_corridor) is { } c ? [c] : null),
                Arrivals = arrivals ?? ArrivalsMethod.Undelayed,
            };
            var folder = ResultsFolder.Open(dir, parseResult.GetValue(_scenario));
            var context = new ChartContext(folder, request);
            _ = context.Run; // an unknown --strategy is reported before anything is drawn
            var missing = chart.Inputs(context).FirstOrDefault(p => !File.Exists(p));
            if (missing is not null) throw ResultsFileException.Missing(missing, $"the '{chart.Kind}' chart reads this file");
            var outDir = parseResult.GetValue(_out) ?? Path.Combine(dir, ReportWriter.ChartsFolderName);
            return ChartOptions.WriteInto(outDir, () => ChartCatalog.Draw(chart, context, outDir));
        });
        console.Out.WriteLine($"chart written: {files.PngPath}, {files.SvgPath}");
        return ExitCodes.Ok;
    }

    private static List<string>? SplitList(string[]? values) =>
        values is null || values.Length == 0 ? null
            : values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
}
