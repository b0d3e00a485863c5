// The scenario loader under mutation: over every shipped scenario, with a fixed seed, thousands of
// damaged inputs (see ScenarioFuzzer) each either load or are refused with located user errors
// (ScenarioException, every error with a line and column) — never another exception, never
// longer than a bound. Inputs that once failed are kept in FuzzCorpus/ and replayed on every run.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using SignalSim.Core.Scenario;
using SignalSim.Tests.Cli;

namespace SignalSim.Tests.Robustness;

public class FuzzTests
{
    /// <summary>At least 10,000 inputs per run, spread over the shipped scenarios.</summary>
    private const int TotalInputs = 10_000;

    private const int Seed = 20_260_114;

    /// <summary>Far above the milliseconds an input takes; a hang or a quadratic path shows up as seconds.</summary>
    private static readonly TimeSpan PerInputBound = TimeSpan.FromSeconds(10);

    private static IEnumerable<string> ShippedScenarios() => SignalSim.Tests.Scenarios.ShippedFiles.ScenarioFileNames();

    [Fact]
    public void EveryMutatedScenarioLoadsOrGivesALocatedUserError()
    {
        var files = ShippedScenarios().ToList();
        Assert.True(files.Count >= 5, "the shipped scenarios were not found");
        // Rounded up per chunk, so that the total reaches TotalInputs whatever the number of files.
        var perChunk = (TotalInputs + files.Count * Chunks - 1) / (files.Count * Chunks);
        var failures = new ConcurrentQueue<string>();
        var valid = 0;
        var refused = 0;
        var clock = Stopwatch.StartNew();
        Parallel.For(0, files.Count * Chunks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, job =>
        {
            var file = files[job / Chunks];
            var chunk = job % Chunks;
            var text = File.ReadAllText(CliRunner.ScenarioPath(file));
            var fuzzer = new ScenarioFuzzer(text, HashCode.Combine(Seed, file.Length, chunk));
            for (var i = 0; i < perChunk; i++)
            {
                var (input, what) = fuzzer.Next();
                switch (Check(input, $"{file} #{chunk}.{i} ({what})"))
                {
                    case null: Interlocked.Increment(ref valid); break;
                    case "": Interlocked.Increment(ref refused); break;
                    case var failure: failures.Enqueue(failure + Environment.NewLine + Saved(input)); break;
                }
            }
        });
        Assert.True(failures.IsEmpty, $"{failures.Count} inputs failed:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(10))}");
        Assert.True(valid + refused >= TotalInputs, $"only {valid + refused} inputs were tried");
        Assert.True(valid > 0 && refused > TotalInputs / 2, $"{valid} valid, {refused} refused: the mutations do not exercise both outcomes");
    }

    /// <summary>Jobs per scenario, so that two cores share the big scenarios evenly.</summary>
    private const int Chunks = 4;

    [Fact]
    public void PastFailuresLoadOrGiveALocatedUserError()
    {
        var corpus = Path.Combine(Path.GetDirectoryName(SignalSim.Tests.Scenarios.ShippedFiles.SourceScenarioFolder())!, "tests", "SignalSim.Tests", "Robustness", "FuzzCorpus");
        var inputs = Directory.GetFiles(corpus, "*.json");
        Assert.NotEmpty(inputs);
        var failures = inputs.Select(f => Check(File.ReadAllText(f), Path.GetFileName(f))).Where(r => !string.IsNullOrEmpty(r)).ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>null when the input loads, "" when it is refused properly, otherwise what went wrong.</summary>
    private static string? Check(string input, string name)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            ScenarioLoader.Load(Encoding.UTF8.GetBytes(input), "fuzz.json");
            return Slow(watch, name) ?? null;
        }
        catch (ScenarioException e)
        {
            if (Slow(watch, name) is { } slow) return slow;
            var errors = e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count == 0) return $"{name}: refused without an error";
            var unlocated = errors.FirstOrDefault(d => d.Line <= 0 || d.Column <= 0 || string.IsNullOrWhiteSpace(d.Message));
            if (unlocated is not null) return $"{name}: error without a location: {unlocated.Format("fuzz.json")}";
            var huge = errors.FirstOrDefault(d => System.Text.RegularExpressions.Regex.IsMatch(d.Message, @"\d{25}"));
            return huge is not null ? $"{name}: a number printed in full: {huge.Message}" : "";
        }
        catch (Exception e)
        {
            return $"{name}: {e.GetType().Name}: {e.Message}{Environment.NewLine}{e.StackTrace}";
        }
    }

    private static string? Slow(Stopwatch watch, string name) =>
        watch.Elapsed > PerInputBound ? $"{name}: took {watch.Elapsed.TotalSeconds:0.0} s" : null;

    /// <summary>A failing input is kept in the temp folder, to be added to FuzzCorpus/ once fixed.</summary>
    private static string Saved(string input)
    {
        var path = Path.Combine(Path.GetTempPath(), $"signalsim-fuzz-{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(input)))[..16]}.json");
        File.WriteAllText(path, input);
        return $"  input saved as {path}; add it to tests/SignalSim.Tests/Robustness/FuzzCorpus/ with the fix";
    }
}
