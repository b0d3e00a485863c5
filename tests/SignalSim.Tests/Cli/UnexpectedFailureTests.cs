// A failure that is not the user's fault (a bug, the environment) gives exit code 1 and a single
// line on stderr, never a stack trace.
using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SignalSim.Cli;
using SignalSim.Cli.Commands;

namespace SignalSim.Tests.Cli;

public sealed class UnexpectedFailureTests
{
    [Fact]
    public async Task UnexpectedException_IsOneLineAndExitCode1()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await SignalSimApp.RunAsync(["fail"], stdout, stderr, CancellationToken.None,
            services => services.AddSingleton<CliCommand, FailingCommand>());

        Assert.Equal(ExitCodes.UnexpectedFailure, code);
        var lines = stderr.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var line = Assert.Single(lines);
        Assert.Equal("signalsim: unexpected error: InvalidOperationException: broken on purpose over two lines", line);
    }

    private sealed class FailingCommand : CliCommand
    {
        protected override Command Define() => new("fail", "Fails on purpose.");

        protected override int Execute(ParseResult parseResult, CancellationToken cancellation) =>
            throw new InvalidOperationException("broken on purpose\nover two lines");
    }
}
