// Dependencies run one way: Core ← Analysis ← Charts ← Cli. The engine stays free of charts,
// hosting and command-line packages so it can be embedded and benchmarked on its own.
using System.Reflection;

namespace SignalSim.Tests.Architecture;

public class LayeringTests
{
    private static string[] References(Assembly assembly) => assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

    [Fact]
    public void Core_references_only_the_base_library_and_MathNet()
    {
        var core = typeof(Core.Engine.Simulation).Assembly;
        Assert.All(References(core), name => Assert.True(
            name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib" || name.StartsWith("MathNet", StringComparison.Ordinal),
            $"SignalSim.Core must not reference {name}"));
    }

    [Fact]
    public void No_project_references_one_above_it()
    {
        var order = new[] { "SignalSim.Core", "SignalSim.Analysis", "SignalSim.Charts", "signalsim" };
        var loaded = new List<Assembly> { typeof(Core.Engine.Simulation).Assembly, typeof(SignalSim.Cli.SignalSimApp).Assembly };
        foreach (var name in order.Skip(1).Take(2))
        {
            try { loaded.Add(Assembly.Load(name)); }
            catch (FileNotFoundException) { } // layer not built into this test run
        }
        foreach (var assembly in loaded)
        {
            var level = Array.IndexOf(order, assembly.GetName().Name);
            Assert.True(level >= 0);
            foreach (var reference in References(assembly))
            {
                var other = Array.IndexOf(order, reference);
                if (other >= 0) Assert.True(other < level, $"{assembly.GetName().Name} must not reference {reference}");
            }
        }
    }
}
