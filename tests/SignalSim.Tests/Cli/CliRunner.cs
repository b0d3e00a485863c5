// Runs signalsim in-process, as the executable would, and captures what it prints.
using SignalSim.Cli;

namespace SignalSim.Tests.Cli;

public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}--- stderr\n{Error}";
}

public static class CliRunner
{
    public static async Task<CliRun> RunAsync(CancellationToken cancellation, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await SignalSimApp.RunAsync(args, stdout, stderr, cancellation);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    /// <summary>Folder of the shipped scenarios, copied beside the test assembly.</summary>
    public static string ScenarioPath(string fileName) => Path.Combine(AppContext.BaseDirectory, "scenarios", fileName);
}
