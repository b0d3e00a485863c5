// Entry point of the benchmarks: BenchmarkDotNet's switcher over every benchmark class, e.g.
//   dotnet run -c Release --project bench/SignalSim.Bench -- --filter '*'
// The first argument "profile" runs the plain Stopwatch harness instead (see StepProfile);
// "control-profile" times the control-type benchmark by thread CPU time (see ControlTypeProfile).
using BenchmarkDotNet.Running;
using SignalSim.Bench;

if (args is ["profile", .. var rest]) return StepProfile.Run(rest);
if (args is ["compare-profile", .. var compareArgs]) return CompareProfile.Run(compareArgs);
if (args is ["control-profile", .. var controlArgs]) return ControlTypeProfile.Run(controlArgs);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
