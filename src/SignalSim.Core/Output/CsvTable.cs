// A minimal CSV row writer: comma-separated fields, LF line endings whatever the platform.
namespace SignalSim.Core.Output;

internal sealed class CsvTable(TextWriter writer)
{
    private bool _rowStarted;

    public void Header(params string[] columns)
    {
        foreach (var column in columns) Field(column);
        EndRow();
    }

    /// <summary>Writes a field that is already formatted; text that may hold separators goes through <see cref="Text"/>.</summary>
    public void Field(string formatted)
    {
        if (_rowStarted) writer.Write(',');
        writer.Write(formatted);
        _rowStarted = true;
    }

    public void Text(string value) => Field(InvariantText.CsvField(value));

    public void EndRow()
    {
        writer.Write('\n');
        _rowStarted = false;
    }
}
