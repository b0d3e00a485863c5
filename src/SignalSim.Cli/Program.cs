// Entry point of the signalsim command; everything else lives in SignalSimApp so that tests can
// run the same code in-process.
using SignalSim.Cli;

return await SignalSimApp.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
