// A problem found in a scenario file, located by JSON path and, once resolved, by line and column.
namespace SignalSim.Core.Scenario;

public enum DiagnosticSeverity { Error, Warning }

public sealed record ScenarioDiagnostic(DiagnosticSeverity Severity, string JsonPath, string Message)
{
    /// <summary>1-based line, 0 when unknown.</summary>
    public int Line { get; init; }

    /// <summary>1-based column in characters, 0 when unknown.</summary>
    public int Column { get; init; }

    public string Format(string fileName)
    {
        var where = Line > 0 ? $"{fileName}:{Line}:{Column}" : fileName;
        var kind = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var at = string.IsNullOrEmpty(JsonPath) || JsonPath == "$" ? "" : $" (at {JsonPath})";
        return $"{where}: {kind}: {Message}{at}";
    }
}

/// <summary>Thrown when a scenario cannot be loaded; carries every error found.</summary>
public sealed class ScenarioException(string fileName, IReadOnlyList<ScenarioDiagnostic> diagnostics)
    : Exception(string.Join(Environment.NewLine, diagnostics.Select(d => d.Format(fileName))))
{
    public string FileName { get; } = fileName;
    public IReadOnlyList<ScenarioDiagnostic> Diagnostics { get; } = diagnostics;
}
