// Summary settings shared by the benchmarks parameterised by scenario name: show names in full
// (the default column width cuts "isolated-intersection").
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;

namespace SignalSim.Bench;

public class ScenarioNamesConfig : ManualConfig
{
    public ScenarioNamesConfig() => SummaryStyle = SummaryStyle.Default.WithMaxParameterColumnWidth(40);
}
