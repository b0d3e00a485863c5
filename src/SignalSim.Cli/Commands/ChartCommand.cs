// `signalsim chart KIND [RESULTS_DIR] [--window FROM-TO] [--approach ID] [--strategy NAME]
// [--corridor LINK,LINK,...] [--lang fr|en] [--out DIR]`: one chart, as KIND.png and KIND.svg.
using System.CommandLine;
using Microsoft.Extensions.Options;
using SignalSim.Charts.Charts;
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

    private readonly Option<string?> _out = new("--out")
    {
        HelpName = "DIR",
        Description = "Folder for KIND.png and KIND.svg (default: RESULTS_DIR/charts).",
    };

    protected override Command Define()
    {
        _kind.AcceptOnlyFromAmong([.. ChartCatalog.Kinds]);
        return new Command(Name, Summary)
        {
            _kind, _results, _window, _approach, _strategy, _corridor, _lang, _scenario, _out,
        };
    }

    protected override int Execute(ParseResult parseResult, CancellationToken cancellation)
    {
        var chart = ChartCatalog.Find(parseResult.GetValue(_kind)!)!;
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
            };
            var folder = ResultsFolder.Open(dir, parseResult.GetValue(_scenario));
            var context = new ChartContext(folder, request);
            _ = context.Run; // an unknown --strategy is reported before anything is drawn
            var missing = chart.Inputs(context).FirstOrDefault(p => !File.Exists(p));
            if (missing is not null) throw ResultsFileException.Missing(missing, $"the '{chart.Kind}' chart reads this file");
            return ChartCatalog.Draw(chart, context, parseResult.GetValue(_out) ?? Path.Combine(dir, ReportWriter.ChartsFolderName));
        });
        console.Out.WriteLine($"chart written: {files.PngPath}, {files.SvgPath}");
        return ExitCodes.Ok;
    }

    private static List<string>? SplitList(string[]? values) =>
        values is null || values.Length == 0 ? null
            : values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
}
