// `signalsim calibrate SCENARIO --counts FILE [--seed N] [--lang fr|en] [--out DIR]`: adjusts the
// scenario's car and bus demand flows and route shares to hourly link counts in the layout of
// Paris's permanent-count open data, mapped to links by the scenario's count_sites; writes the
// calibrated scenario, a GEH report per site and a simulated-against-counted scatter chart.
using System.CommandLine;
using SignalSim.Analysis.Calibration;
using SignalSim.Charts.FieldData;
using SignalSim.Charts.Labels;
using SignalSim.Core.Output;

namespace SignalSim.Cli.Commands;

public sealed class CalibrateCommand(CliConsole console, ScenarioSource scenarios) : CliCommand
{
    public const string Name = "calibrate";
    public const string Summary = "Adjust demand flows and route shares to hourly link counts (bounded least squares); report GEH per count site.";

    private readonly Argument<string> _scenario = new("SCENARIO") { Description = "Scenario file (JSON) with its count_sites." };

    private readonly Option<string> _counts = new("--counts")
    {
        HelpName = "FILE",
        Description = "Hourly counts (CSV, ';' or ','): iu_ac, libelle, t_1h (end of the hour), q (veh/h), k (occupancy %), etat_trafic.",
        Required = true,
    };

    private readonly Option<ulong?> _seed = new("--seed") { HelpName = "N", Description = "Seed of the simulations that check the fit.", CustomParser = OptionParsers.Seed };
    private readonly Option<string> _lang = ChartOptions.Language();
    private readonly Option<string?> _out = new("--out") { HelpName = "DIR", Description = "Output folder (default: results/calibrate)." };

    protected override Command Define() => new(Name, Summary)
    {
        _scenario, _counts, _seed, _lang, _out,
    };

    protected override int Execute(ParseResult parseResult, CancellationToken cancellation)
    {
        var outDir = parseResult.GetValue(_out) ?? Path.Combine("results", "calibrate");
        var path = parseResult.GetValue(_scenario)!;
        var countsPath = parseResult.GetValue(_counts)!;
        if (OwnedOutputFolder.FindProblem(outDir, [.. CalibrationOutput.FileNames, CalibrationChart.Kind + ".png", CalibrationChart.Kind + ".svg"], [path, countsPath]) is { } problem)
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: --out: {problem}");
        var loaded = scenarios.Load(path);
        ReportWarnings(console, loaded);
        var scenario = loaded.Scenario;
        if (scenario.CountSites.Count == 0)
            throw new InvalidInputException($"{path}: error: the scenario has no count_sites; add {{ \"iu_ac\": ..., \"link\": ... }} for each count station");
        List<CountRow> rows;
        try
        {
            rows = CountsFile.Read(countsPath);
        }
        catch (CountsFileException e)
        {
            throw new InvalidInputException(e.Message);
        }
        var hour = Calibrator.CountedHour(scenario);
        var targets = Calibrator.Targets(rows, hour);
        var missing = scenario.CountSites.Where(c => !targets.ContainsKey(c.IuAc)).Select(c => c.IuAc).ToList();
        if (missing.Count == scenario.CountSites.Count)
            throw new InvalidInputException($"{countsPath}: error: no count of the scenario's sites ({string.Join(", ", missing)}) for the hour {hour:00}:00–{(hour + 1) % 24:00}:00 (t_1h {(hour + 1) % 24:00}:00:00), the hour the scenario measures");
        foreach (var id in missing) console.Report("note", $"no count for site {id} in the hour {hour:00}:00–{(hour + 1) % 24:00}:00; it is left out");

        var result = Calibrator.Calibrate(scenario, targets, parseResult.GetValue(_seed));
        cancellation.ThrowIfCancellationRequested();
        using var folder = RunCommand.CreateFolder(outDir);
        CalibrationChart.Draw(result, ChartLabels.For(parseResult.GetValue(_lang)!), folder.StagingPath);
        CalibrationOutput.Write(folder.StagingPath, result, scenario.Name.Default, Path.GetFileName(countsPath), hour);
        cancellation.ThrowIfCancellationRequested();
        RunCommand.CommitFolder(folder, outDir);
        var below = result.Sites.Count(s => s.GehAfter < Geh.Threshold);
        console.Out.WriteLine($"GEH < 5 at {below} of {result.Sites.Count} sites ({100 * result.ShareBelowThreshold:0} %, {(result.Accepted ? "accepted" : "not accepted")}; before: {result.Sites.Count(s => s.GehBefore < Geh.Threshold)})");
        console.Out.WriteLine($"results in {folder.TargetPath}: {CalibrationOutput.ScenarioFileName}, {CalibrationOutput.TableFileName}, {CalibrationOutput.ReportFileName}, {CalibrationChart.Kind}.png/.svg");
        return ExitCodes.Ok;
    }
}
