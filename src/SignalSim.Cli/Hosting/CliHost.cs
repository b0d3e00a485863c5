// The Generic Host of signalsim: configuration (SIGNALSIM_ environment variables), logging to
// the diagnostics stream (warnings and above unless configured, e.g.
// SIGNALSIM_Logging__LogLevel__Default=Debug), the commands registered in DI, and the console
// lifetime that turns Ctrl+C and SIGTERM into a cancellation of the running command.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SignalSim.Cli.Commands;

namespace SignalSim.Cli.Hosting;

internal static class CliHost
{
    public static IHost Build(CliConsole console, Action<IServiceCollection>? configureServices = null)
    {
        // No defaults: they would read appsettings files from the working folder and log to the
        // process console; a command-line tool should depend on neither.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ApplicationName = CliConsole.ProgramName,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddEnvironmentVariables(prefix: "SIGNALSIM_");

        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddProvider(new TextWriterLoggerProvider(console.Error));

        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.Configure<CliSettings>(builder.Configuration.GetSection(CliSettings.Section));
        builder.Services.AddSingleton(console);
        builder.Services.AddSingleton<ScenarioSource>();
        builder.Services.AddSingleton<CliCommand, RunCommand>();
        builder.Services.AddSingleton<CliCommand, ValidateCommand>();
        builder.Services.AddSingleton<CliCommand, CompareCommand>();
        builder.Services.AddSingleton<CliCommand, MergeCommand>();
        builder.Services.AddSingleton<CliCommand, OptimizeCommand>();
        builder.Services.AddSingleton<CliCommand, ReportCommand>();
        builder.Services.AddSingleton<CliCommand, ChartCommand>();
        builder.Services.AddSingleton<CliCommand, ExportCommand>();
        builder.Services.AddSingleton<CliCommand, CalibrateCommand>();
        configureServices?.Invoke(builder.Services);
        return builder.Build();
    }
}
